package nl.peilbot.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bson.conversions.Bson;

import com.mongodb.client.model.Filters;

import nl.peilbot.aggregation.WaveId;

/**
 * Which raw responses of a wave an analyst asks for: completed only (the default) or all, and optionally one role,
 * hospital type or channel. Profile filters match the flat {@code profile} copy of the response document.
 */
record ResponseQuery(boolean completedOnly, String role, String hospitalType, String channel) {

    static final ResponseQuery COMPLETED = new ResponseQuery(true, null, null, null);

    static ResponseQuery of(String status, String role, String hospitalType, String channel) {
        String normalised = status == null || status.isBlank() ? "completed" : status.strip().toLowerCase(Locale.ROOT);
        if (!normalised.equals("completed") && !normalised.equals("all")) {
            throw new IllegalArgumentException("status must be 'completed' or 'all', not '" + status + "'");
        }
        return new ResponseQuery(normalised.equals("completed"), blankToNull(role), blankToNull(hospitalType),
                blankToNull(channel));
    }

    /** Whether the materialised tables answer this query: they count completed responses, unfiltered. */
    boolean unfiltered() {
        return completedOnly && role == null && hospitalType == null && channel == null;
    }

    Bson filter(WaveId wave) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("survey", wave.survey()), Filters.eq("wave", wave.wave())));
        if (completedOnly) {
            filters.add(Filters.eq("status", "completed"));
        }
        if (role != null) {
            filters.add(Filters.eq("profile.role", role));
        }
        if (hospitalType != null) {
            filters.add(Filters.eq("profile.hospitalType", hospitalType));
        }
        if (channel != null) {
            filters.add(Filters.eq("channels", channel));
        }
        return Filters.and(filters);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
