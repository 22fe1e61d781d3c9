package nl.peilbot.invitation;

import java.util.Locale;
import java.util.Map;

/**
 * An invitation as stored: everything but the token itself.
 *
 * @param id         SHA-256 hex of the token
 * @param profile    profile field values known in advance, by field id (option codes for choice fields)
 * @param responseId the one response this invitation leads to; kept when a lost link is re-issued
 */
public record Invitation(String id, String survey, String wave, Kind kind, Map<String, String> profile,
                         String responseId) {

    public Invitation {
        profile = profile == null ? Map.of() : Map.copyOf(profile);
        responseId = responseId == null && id != null ? responseIdFor(id) : responseId;
    }

    /** An invitation whose response id is derived from its own id (never re-issued). */
    public Invitation(String id, String survey, String wave, Kind kind, Map<String, String> profile) {
        this(id, survey, wave, kind, profile, null);
    }

    /** How the invitation came about; stored as {@code invited} or {@code open}. */
    public enum Kind {
        /** Made for one respondent by an organiser. */
        INVITED,
        /** Minted for a visitor of a survey's open link. */
        OPEN;

        String stored() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind fromStored(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * The response id of the first token of an invitation; derived, so that two tabs opening a new invitation at
     * once arrive at the same response.
     */
    static String responseIdFor(String invitationId) {
        return "r_" + Hashes.sha256Hex("response:" + invitationId).substring(0, 24);
    }
}
