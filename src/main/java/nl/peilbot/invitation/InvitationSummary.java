package nl.peilbot.invitation;

import java.time.Instant;
import java.util.Map;

/**
 * An invitation as the organisers' console lists it: no token, no hash.
 *
 * @param responseId the invitation's stable reference
 * @param revokedAt  when an organiser revoked it; null while it works
 */
public record InvitationSummary(String responseId, String survey, String wave, Invitation.Kind kind,
                                Map<String, String> profile, Invitee invitee, Instant validFrom, Instant validUntil,
                                Instant createdAt, Instant revokedAt) {
}
