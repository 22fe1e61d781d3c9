package nl.peilbot.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import nl.peilbot.aggregation.WaveId;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Question;
import nl.peilbot.response.ResponseSelection;
import nl.peilbot.response.ResponseStatus;

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
    /** The status parameter's word for responses of any status. */
    static final String ALL = "all";
    static final ResponseQuery COMPLETED = new ResponseQuery(true, null, new TreeMap<>(), List.of());

    ResponseQuery {
        chosen = new TreeMap<>(chosen);
        profile = List.copyOf(profile);
    }

    static ResponseQuery of(String status, String channel, Choices choices) {
        boolean completedOnly = status == null || status.isBlank()
                || ResponseStatus.ofCode(status).filter(s -> s == ResponseStatus.COMPLETED).isPresent();
        if (!completedOnly && !ALL.equals(status.strip().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("status must be '" + ResponseStatus.COMPLETED.code() + "' or '" + ALL
                    + "', not '" + status + "'");
        }
        return new ResponseQuery(completedOnly, blankToNull(channel), choices.chosen(), choices.profile());
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

    /** The responses of the wave this query selects. */
    ResponseSelection selection(WaveId wave) {
        ResponseSelection selection = ResponseSelection.ofWave(wave.survey(), wave.wave());
        if (completedOnly) {
            selection = selection.withStatus(ResponseStatus.COMPLETED);
        }
        if (channel != null) {
            selection = selection.inChannel(channel);
        }
        for (Map.Entry<String, String> choice : chosen.entrySet()) {
            selection = profile.contains(choice.getKey()) ? selection.withProfile(choice.getKey(), choice.getValue())
                    : selection.withChosen(choice.getKey(), choice.getValue());
        }
        return selection;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
