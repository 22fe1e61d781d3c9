package nl.peilbot.system;

import java.time.Duration;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Checks a password only when the {@link LoginThrottle} lets the attempt through, and tells it the outcome. */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String account = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        Duration wait = throttle.waitFor(account, address);
        if (!wait.isZero()) {
            throw new LoginThrottledException(wait);
        }
        try {
            Authentication authenticated = passwords.authenticate(authentication);
            throttle.succeeded(account);
            return authenticated;
        } catch (BadCredentialsException e) {
            throttle.failed(account, address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }

    /** Too many wrong passwords lately: the attempt was not checked. */
    static final class LoginThrottledException extends AuthenticationException {

        private final Duration wait;

        LoginThrottledException(Duration wait) {
            super("too many failed logins; try again in " + Math.max(1, wait.toSeconds()) + " s");
            this.wait = wait;
        }

        /** Whole seconds to wait, at least one. */
        long retryAfterSeconds() {
            return Math.max(1, (wait.toMillis() + 999) / 1000);
        }
    }
}
