package nl.peilbot.results;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Question;
import nl.peilbot.response.RecordedAnswer;
import nl.peilbot.response.ResponseView;

/**
 * One raw response as analysts and integrations see it: a pseudonym instead of the response id, the profile
 * kept because the analysis is per unit of analysis and dimension, and every answer by question id, choices as
 * option codes. No conversation state, message ids, names, e-mail addresses or chat ids.
 *
 * @param answers per question id: {@code choices}, {@code otherText}, {@code text}, {@code value} (a rating or
 *                number), {@code entries}, {@code parts} or {@code skipped}, whichever the answer has
 */
record PseudonymousResponse(String respondent, String survey, String wave, String status, String language,
                            List<String> channels, Instant startedAt, Instant completedAt, Map<String, Object> profile,
                            Map<String, Map<String, Object>> answers) {

    static PseudonymousResponse of(ResponseView response, Flow flow, Pseudonyms pseudonyms) {
        Map<String, Object> profile = new LinkedHashMap<>();
        Map<String, Map<String, Object>> byQuestion = new LinkedHashMap<>();
        for (Question step : flow.steps()) {
            RecordedAnswer answer = response.answers().get(step.id());
            if (answer == null) {
                continue;
            }
            if (flow.isProfileField(step.id())) {
                Object value = answer.skipped() ? null
                        : !answer.codes().isEmpty() ? String.join(",", answer.codes()) : answer.text();
                if (value != null) {
                    profile.put(step.id(), value);
                }
            } else {
                byQuestion.put(step.id(), view(answer));
            }
        }
        return new PseudonymousResponse(pseudonyms.of(response.id()), response.survey(), response.wave(),
                response.status().code(), response.language(), response.channels(), response.startedAt(),
                response.completedAt(), profile, byQuestion);
    }

    private static Map<String, Object> view(RecordedAnswer answer) {
        Map<String, Object> view = new LinkedHashMap<>();
        if (answer.skipped()) {
            view.put("skipped", true);
            return view;
        }
        if (!answer.codes().isEmpty()) {
            view.put("choices", answer.codes());
        }
        putIfPresent(view, "otherText", answer.otherText());
        putIfPresent(view, "text", answer.text());
        putIfPresent(view, "value", number(answer.value()));
        if (!answer.entries().isEmpty()) {
            List<Map<String, Object>> entries = new ArrayList<>();
            answer.entries().forEach(e -> entries.add(new LinkedHashMap<>(e)));
            view.put("entries", entries);
        }
        if (!answer.parts().isEmpty()) {
            view.put("parts", new LinkedHashMap<>(answer.parts()));
        }
        return view;
    }

    /** A whole number as a long, any other as a double: as JSON and the spreadsheets have always shown them. */
    private static Number number(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal plain = value.stripTrailingZeros();
        return plain.scale() <= 0 ? (Number) plain.longValueExact() : (Number) plain.doubleValue();
    }

    private static void putIfPresent(Map<String, Object> view, String field, Object value) {
        if (value != null) {
            view.put(field, value);
        }
    }
}
