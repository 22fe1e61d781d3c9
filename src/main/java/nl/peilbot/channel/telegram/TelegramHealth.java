package nl.peilbot.channel.telegram;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import nl.peilbot.outbox.Outbox;

/**
 * The bot in {@code /actuator/health} as component {@code telegram}, present only while the bot is on: {@code DOWN}
 * when long polling has been failing for longer than {@code peilbot.telegram.poll-down-after} (Telegram unreachable,
 * a revoked token, a second instance polling the same bot), else {@code UP}. Details (for organisers): the mode, the
 * age of the last successful poll and send on this instance, and the Telegram messages the outbox gave up on. Reads
 * only what the poller and sender reported ({@link TelegramPulse}) and the outbox's counts: no call to Telegram.
 */
final class TelegramHealth implements HealthIndicator {

    private final TelegramPulse pulse;
    private final Outbox outbox;
    private final TelegramProperties properties;

    TelegramHealth(TelegramPulse pulse, Outbox outbox, TelegramProperties properties) {
        this.pulse = pulse;
        this.outbox = outbox;
        this.properties = properties;
    }

    @Override
    public Health health() {
        boolean polling = properties.mode() == TelegramProperties.Mode.POLLING;
        Duration failing = pulse.pollingFailingFor();
        Health.Builder health = polling && failing.compareTo(properties.pollDownAfter()) > 0 ? Health.down() : Health.up();
        health.withDetail("mode", properties.mode().name().toLowerCase());
        if (polling) {
            pulse.sinceLastPoll().ifPresent(age -> health.withDetail("lastPollSecondsAgo", age.toSeconds()));
            pulse.pollError().ifPresent(why -> health.withDetail("pollFailingSeconds", failing.toSeconds())
                    .withDetail("pollError", why));
        }
        pulse.sinceLastSend().ifPresent(age -> health.withDetail("lastSendSecondsAgo", age.toSeconds()));
        Map<String, Long> givenUp = outbox.stats().givenUp();
        return health.withDetail("givenUp", givenUp.getOrDefault(TelegramSender.KIND, 0L)
                + givenUp.getOrDefault(UpdateHandler.PASTE_KIND, 0L)).build();
    }
}
