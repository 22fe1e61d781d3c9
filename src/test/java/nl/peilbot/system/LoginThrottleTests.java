package nl.peilbot.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import nl.peilbot.testsupport.MovableClock;
import java.time.Instant;

/** Growing waits per account and per address, on a clock the test moves. */
class LoginThrottleTests {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void shouldLetAFewMistakesThroughThenDoubleTheWait() {
        for (int i = 0; i < LoginThrottle.ACCOUNT_FREE_FAILURES; i++) {
            assertThat(throttle.waitFor("organiser", "10.0.0.1")).isZero();
            throttle.failed("organiser", "10.0.0.1");
        }
        assertThat(throttle.waitFor("organiser", "10.0.0.1")).isZero();
        throttle.failed("organiser", "10.0.0.1");
        assertThat(throttle.waitFor("organiser", "10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        throttle.failed("organiser", "10.0.0.1");
        assertThat(throttle.waitFor("organiser", "10.0.0.1")).isEqualTo(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        throttle.failed("organiser", "10.0.0.1");
        assertThat(throttle.waitFor("organiser", "10.0.0.1")).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void shouldThrottleTheAccountFromEveryAddressAndIgnoreItsCase() {
        for (int i = 0; i <= LoginThrottle.ACCOUNT_FREE_FAILURES; i++) {
            throttle.failed("Organiser", "10.0.0." + i);
        }

        assertThat(throttle.waitFor("organiser ", "192.168.1.1")).isPositive();
        assertThat(throttle.waitFor("analyst", "192.168.1.1")).isZero();
    }

    @Test
    void shouldThrottleAnAddressThatTriesManyAccounts() {
        for (int i = 0; i <= LoginThrottle.ADDRESS_FREE_FAILURES; i++) {
            throttle.failed("user" + i, "10.0.0.9");
        }

        assertThat(throttle.waitFor("someone-new", "10.0.0.9")).isPositive();
        assertThat(throttle.waitFor("someone-new", "10.0.0.10")).isZero();
    }

    @Test
    void shouldNeverWaitLongerThanTheCap() {
        for (int i = 0; i < 200; i++) {
            throttle.failed("organiser", "10.0.0.1");
        }

        assertThat(throttle.waitFor("organiser", "10.0.0.1")).isEqualTo(LoginThrottle.LONGEST_WAIT);
        clock.advance(LoginThrottle.LONGEST_WAIT);
        assertThat(throttle.waitFor("organiser", "10.0.0.1")).isZero();
    }

    @Test
    void shouldClearTheAccountButNotTheAddressOnSuccess() {
        for (int i = 0; i <= LoginThrottle.ADDRESS_FREE_FAILURES; i++) {
            throttle.failed("organiser", "10.0.0.1");
        }
        clock.advance(LoginThrottle.LONGEST_WAIT);

        throttle.succeeded("organiser");

        assertThat(throttle.waitFor("organiser", "10.0.0.2")).isZero();
        throttle.failed("other", "10.0.0.1");
        assertThat(throttle.waitFor("other2", "10.0.0.1")).as("the address keeps its count").isPositive();
    }
}
