package nl.peilbot.invitation;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An invitation an organiser is about to make.
 *
 * @param profile    profile field values known in advance (option codes for choice fields)
 * @param validFrom  the link works from then on; null for at once
 * @param validUntil the link works until then; null for as long as the wave runs
 */
public record InvitationDraft(Map<String, String> profile, Invitee invitee, Instant validFrom, Instant validUntil) {

    public InvitationDraft {
        // Kept in the given order, blank and null values included: checking the profile leaves those out.
        profile = profile == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(profile));
        invitee = invitee == null ? Invitee.NONE : invitee;
    }
}
