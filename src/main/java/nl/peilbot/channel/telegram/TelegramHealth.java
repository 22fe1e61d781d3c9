package nl.peilbot.channel.telegram;

import java.time.Duration;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The bot in {@code /actuator/health} as component {@code telegram}, present only while the bot is on: {@code DOWN}
 * when long polling has been failing for longer than {@code peilbot.telegram.poll-down-after} (Telegram unreachable,
 * a revoked token, a second instance polling the same bot), else {@code UP}. Details (for organisers): the mode and
 * the age of the last successful poll and send on this instance. Reads only what the poller and sender reported
 * ({@link TelegramPulse}): no call to Telegram, no database query (Telegram messages given up on are counted once
 * per health request, per kind, by the component {@code outbox}).
 *
 * <p>Not part of the health group {@code readiness} that load balancers probe: a bot that cannot poll must not take
 * an instance that serves the web chat out of rotation.
 */
final class TelegramHealth implements HealthIndicator {

    private final TelegramPulse pulse;
    private final TelegramProperties properties;

    TelegramHealth(TelegramPulse pulse, TelegramProperties properties) {
        this.pulse = pulse;
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
        return health.build();
    }
}
