package nl.peilbot.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Growing waits after wrong passwords, per account and per address: after a few free mistakes every further one
 * doubles the time before the next attempt is even checked (up to a cap), so guessing a password takes years while
 * a person who mistypes waits seconds. A correct password clears its account, never its address (else one known
 * login would reset a password spray from that address). Kept in memory: with several instances each keeps its own.
 */
final class LoginThrottle {

    /** Mistakes per account before the first wait. */
    static final int ACCOUNT_FREE_FAILURES = 5;
    /** Mistakes per address before the first wait; higher, as a hospital's people may share one address. */
    static final int ADDRESS_FREE_FAILURES = 20;
    static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

    private static final int MAX_ENTRIES = 100_000;

    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this attempt must wait before it is checked; zero when it may be checked now. */
    Duration waitFor(String account, String address) {
        Instant now = clock.instant();
        Duration byAccount = waitOf(accountKey(account), now);
        Duration byAddress = waitOf(addressKey(address), now);
        return byAccount.compareTo(byAddress) >= 0 ? byAccount : byAddress;
    }

    void failed(String account, String address) {
        Instant now = clock.instant();
        forgetOldWhenFull(now);
        failures.merge(accountKey(account), new Failures(1, now, ACCOUNT_FREE_FAILURES), (old, one) -> old.plusOne(now));
        failures.merge(addressKey(address), new Failures(1, now, ADDRESS_FREE_FAILURES), (old, one) -> old.plusOne(now));
    }

    void succeeded(String account) {
        failures.remove(accountKey(account));
    }

    private Duration waitOf(String key, Instant now) {
        Failures record = failures.get(key);
        if (record == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, record.lastAt().plus(record.delay()));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private void forgetOldWhenFull(Instant now) {
        if (failures.size() >= MAX_ENTRIES) {
            failures.values().removeIf(record -> record.lastAt().plus(LONGEST_WAIT).isBefore(now));
        }
    }

    private static String accountKey(String account) {
        return "account:" + (account == null ? "" : account.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "" : address);
    }

    private record Failures(int count, Instant lastAt, int free) {

        Failures plusOne(Instant now) {
            return new Failures(count + 1, now, free);
        }

        Duration delay() {
            int beyond = count - free;
            if (beyond <= 0) {
                return Duration.ZERO;
            }
            Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(beyond - 1, 20));
            return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
        }
    }
}
