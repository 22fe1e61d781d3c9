package nl.peilbot.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.bson.conversions.Bson;

import com.mongodb.client.model.Filters;

import nl.peilbot.aggregation.WaveId;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Question;

/**
 * Which raw responses of a wave an analyst asks for: completed only (the default) or all, optionally one channel,
 * and any number of chosen codes: {@code filter.<id>=<code>} where the id is one of the flow's dimensions (matched
 * on the response's flat {@code profile} copy) or any choice question (matched on its stored choices).
 *
 * @param chosen the code asked for, by dimension or question id
 * @param profile the ids of {@code chosen} that are profile fields
 */
record ResponseQuery(boolean completedOnly, String channel, SortedMap<String, String> chosen, List<String> profile) {

    static final String PREFIX = "filter.";
    static final ResponseQuery COMPLETED = new ResponseQuery(true, null, new TreeMap<>(), List.of());

    ResponseQuery {
        chosen = new TreeMap<>(chosen);
        profile = List.copyOf(profile);
    }

    static ResponseQuery of(String status, String channel, Choices choices) {
        String normalised = status == null || status.isBlank() ? "completed" : status.strip().toLowerCase(Locale.ROOT);
        if (!normalised.equals("completed") && !normalised.equals("all")) {
            throw new IllegalArgumentException("status must be 'completed' or 'all', not '" + status + "'");
        }
        return new ResponseQuery(normalised.equals("completed"), blankToNull(channel), choices.chosen(), choices.profile());
    }

    /** The chosen codes a request filters on, checked against the flow. */
    record Choices(SortedMap<String, String> chosen, List<String> profile) {
    }

    /**
     * Reads the {@code filter.<id>=<code>} parameters: the id must be a dimension of the flow or a choice question,
     * the code one of its options; anything else is a bad request naming what is allowed.
     */
    static Choices choices(Flow flow, Map<String, String> parameters) {
        SortedMap<String, String> chosen = new TreeMap<>();
        List<String> profile = new ArrayList<>();
        parameters.forEach((name, value) -> {
            if (!name.startsWith(PREFIX) || value == null || value.isBlank()) {
                return;
            }
            String id = name.substring(PREFIX.length());
            Question question = flow.step(id).filter(q -> q.kind() != null && q.kind().isChoice()
                            && (!flow.isProfileField(q.id()) || flow.dimensions().contains(q)))
                    .orElseThrow(() -> new IllegalArgumentException("cannot filter on '" + id + "': filter on a dimension ("
                            + String.join(", ", flow.dimensions().stream().map(Question::id).toList())
                            + ") or a choice question"));
            String code = value.strip();
            if (question.option(code).isEmpty()) {
                throw new IllegalArgumentException("'" + code + "' is no option of '" + id + "'");
            }
            chosen.put(id, code);
            if (flow.isProfileField(id)) {
                profile.add(id);
            }
        });
        return new Choices(chosen, profile);
    }

    /** Whether the materialised tables answer this query: they count completed responses, unfiltered. */
    boolean unfiltered() {
        return completedOnly && channel == null && chosen.isEmpty();
    }

    Bson filter(WaveId wave) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("survey", wave.survey()), Filters.eq("wave", wave.wave())));
        if (completedOnly) {
            filters.add(Filters.eq("status", "completed"));
        }
        chosen.forEach((id, code) -> filters.add(profile.contains(id) ? Filters.eq("profile." + id, code)
                : Filters.eq("answers." + id + ".choices.code", code)));
        if (channel != null) {
            filters.add(Filters.eq("channels", channel));
        }
        return Filters.and(filters);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
