package nl.peilbot.invitation;

import java.util.Locale;
import java.util.Map;

/**
 * An invitation as stored: everything but the token itself.
 *
 * @param id      SHA-256 hex of the token
 * @param profile profile field values known in advance, by field id (option codes for choice fields)
 */
public record Invitation(String id, String survey, String wave, Kind kind, Map<String, String> profile) {

    public Invitation {
        profile = profile == null ? Map.of() : Map.copyOf(profile);
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
     * The id of the one response this invitation leads to; derived, so that two tabs opening a new invitation at
     * once arrive at the same response.
     */
    public String responseId() {
        return "r_" + Hashes.sha256Hex("response:" + id).substring(0, 24);
    }
}
