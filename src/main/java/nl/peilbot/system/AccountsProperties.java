package nl.peilbot.system;

import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The accounts of organisers and analysts: {@code peilbot.accounts[0].username}, {@code .password-hash} (bcrypt,
 * with or without the {@code {bcrypt}} prefix) and {@code .roles} ({@code ORGANISER}, {@code ANALYST} or both).
 */
@ConfigurationProperties("peilbot")
record AccountsProperties(List<Account> accounts) {

    AccountsProperties {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }

    record Account(String username, String passwordHash, Set<String> roles) {

        Account {
            if (username == null || username.isBlank() || passwordHash == null || passwordHash.isBlank()) {
                throw new IllegalArgumentException("every peilbot.accounts entry needs a username and a password-hash");
            }
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }

        /** The hash as the delegating password encoder reads it. */
        String encodedPassword() {
            return passwordHash.startsWith("{") ? passwordHash : "{bcrypt}" + passwordHash;
        }
    }
}
