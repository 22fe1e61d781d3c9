package nl.peilbot.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import nl.peilbot.invitation.ChannelBindings;
import nl.peilbot.invitation.Invitation;
import nl.peilbot.invitation.Invitations;

/**
 * Removes invitees' personal data once their wave has been closed for {@link RetentionProperties#inviteeDataDays()}:
 * name, e-mail and Telegram handle in {@code invitations}, chat ids in {@code channelBindings}. Responses hold none
 * of it. Runs on every instance in chunks; every step is an idempotent removal by {@code _id} (or of a field), the
 * chat ids first, so runs that overlap or a run cut short by a crash leave nothing half done for the next one.
 */
@Component
class InviteeRetention {

    private static final Logger log = LoggerFactory.getLogger(InviteeRetention.class);

    private final Waves waves;
    private final Invitations invitations;
    private final ChannelBindings bindings;
    private final RetentionProperties properties;
    private final Clock clock;

    InviteeRetention(Waves waves, Invitations invitations, ChannelBindings bindings, RetentionProperties properties,
                     Clock clock) {
        this.waves = waves;
        this.invitations = invitations;
        this.bindings = bindings;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "${peilbot.retention.interval:P1D}")
    void daily() {
        try {
            run();
        } catch (RuntimeException e) {
            // The next run repeats what this one did not finish.
            log.error("removing invitees' personal data failed; the next run retries", e);
        }
    }

    /** @return how many invitations had their invitee removed */
    int run() {
        if (properties.inviteeDataDays() <= 0) {
            return 0;
        }
        Instant closedBefore = clock.instant().minus(Duration.ofDays(properties.inviteeDataDays()));
        int removed = 0;
        for (Wave wave : waves.all()) {
            boolean due = waves.closedSince(wave.survey()).filter(closed -> !closed.isAfter(closedBefore)).isPresent();
            if (due) {
                removed += forget(wave.survey());
            }
        }
        if (removed > 0) {
            log.info("removed invitees' personal data from {} invitations of closed waves", removed);
        }
        return removed;
    }

    private int forget(String survey) {
        return invitations.withInvitee(survey, Math.max(1, properties.chunkSize()), chunk -> {
            bindings.forgetUsers(chunk.stream().map(Invitation::responseId).distinct().toList());
            invitations.forgetInvitees(chunk);
        });
    }
}
