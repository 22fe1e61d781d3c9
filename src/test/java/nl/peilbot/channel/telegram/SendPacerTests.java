package nl.peilbot.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Telegram's limits as reserved moments, with time given rather than waited for. */
class SendPacerTests {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final SendPacer pacer = new SendPacer(Duration.ofSeconds(1), 30);

    @Test
    void shouldKeepOneChatToOneCallASecond() {
        assertThat(pacer.reserve(1, 0)).isZero();
        assertThat(pacer.reserve(1, 0)).isEqualTo(SECOND);
        assertThat(pacer.reserve(1, 10)).isEqualTo(2 * SECOND);
    }

    @Test
    void shouldKeepAllChatsToThirtyCallsASecond() {
        long last = 0;
        for (int chat = 0; chat < 31; chat++) {
            last = pacer.reserve(chat, 0);
        }
        assertThat(last).as("the 31st call of one moment").isGreaterThanOrEqualTo(SECOND - SECOND / 30);
        assertThat(last).isLessThanOrEqualTo(SECOND);
    }

    @Test
    void shouldStopEverythingForARetryAfter() {
        pacer.pauseUntil(5 * SECOND);
        assertThat(pacer.reserve(7, 0)).isEqualTo(5 * SECOND);
        assertThat(pacer.reserve(8, 6 * SECOND)).isEqualTo(6 * SECOND);
    }
}
