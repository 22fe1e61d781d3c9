package nl.peilbot.system;

import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The accounts of organisers and analysts: {@code peilbot.accounts[0].username}, {@code .password-hash} (bcrypt,
 * with or without the {@code {bcrypt}} prefix) and {@code .roles} ({@code ORGANISER}, {@code ANALYST} or both); and
 * the plain passwords of the built-in users {@code organiser} and {@code analyst} ({@code peilbot.organiser.password}
 * from {@code PEILBOT_ORGANISER_PASSWORD}, {@code peilbot.analyst.password} from {@code PEILBOT_ANALYST_PASSWORD}),
 * each only when not blank.
 */
@ConfigurationProperties("peilbot")
record AccountsProperties(List<Account> accounts, BuiltIn organiser, BuiltIn analyst) {

    AccountsProperties {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        organiser = organiser == null ? new BuiltIn(null) : organiser;
        analyst = analyst == null ? new BuiltIn(null) : analyst;
    }

    /** A built-in user's password from the environment; blank means the user does not exist. */
    record BuiltIn(String password) {

        boolean isSet() {
            return password != null && !password.isBlank();
        }
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
