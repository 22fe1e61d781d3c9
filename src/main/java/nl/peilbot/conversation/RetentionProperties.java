package nl.peilbot.conversation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long invitees' personal data is kept: {@code peilbot.retention.invitee-data-days} after a wave was closed
 * (0 or less: kept until an organiser deletes it), checked every {@code interval}, {@code chunk-size} invitations
 * at a time.
 */
@ConfigurationProperties("peilbot.retention")
record RetentionProperties(@DefaultValue("90") int inviteeDataDays, @DefaultValue("200") int chunkSize,
                           @DefaultValue("P1D") Duration interval) {
}
