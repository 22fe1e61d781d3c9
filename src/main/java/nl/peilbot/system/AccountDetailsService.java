package nl.peilbot.system;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Accounts from configuration, else the bootstrap account kept in MongoDB. Once any account is configured the
 * bootstrap account no longer logs in.
 */
final class AccountDetailsService implements UserDetailsService {

    private final Map<String, AccountsProperties.Account> configured;
    private final BootstrapAccount bootstrap;

    AccountDetailsService(Iterable<AccountsProperties.Account> configured, BootstrapAccount bootstrap) {
        this.configured = java.util.stream.StreamSupport.stream(configured.spliterator(), false)
                .collect(Collectors.toMap(AccountDetailsService::key, Function.identity(), (first, second) -> first));
        this.bootstrap = bootstrap;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Optional<AccountsProperties.Account> account = Optional.ofNullable(username).map(name -> configured.get(key(name)));
        if (account.isEmpty() && configured.isEmpty() && bootstrap != null) {
            account = bootstrap.find(username);
        }
        return account.map(AccountDetailsService::user)
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    private static UserDetails user(AccountsProperties.Account account) {
        return User.withUsername(account.username())
                .password(account.encodedPassword())
                .roles(account.roles().stream().map(role -> role.toUpperCase(Locale.ROOT))
                        .filter(Roles.ALL::contains).toArray(String[]::new))
                .build();
    }

    private static String key(AccountsProperties.Account account) {
        return key(account.username());
    }

    private static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
