package nl.peilbot.results;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Question;

/**
 * One raw response as analysts and integrations see it: a pseudonym instead of the response id, the profile
 * (hospital, type, role) kept because the analysis is per hospital, and every answer by question id, choices as
 * option codes. No conversation state, message ids, names, e-mail addresses or chat ids.
 *
 * @param answers per question id: {@code choices}, {@code otherText}, {@code text}, {@code value} (a rating or
 *                number), {@code entries}, {@code parts} or {@code skipped}, whichever the answer has
 */
record PseudonymousResponse(String respondent, String survey, String wave, String status, String language,
                            List<String> channels, Instant startedAt, Instant completedAt, Map<String, Object> profile,
                            Map<String, Map<String, Object>> answers) {

    static PseudonymousResponse of(Document document, Flow flow, Pseudonyms pseudonyms) {
        Document answers = document.get("answers", new Document());
        Map<String, Object> profile = new LinkedHashMap<>();
        Map<String, Map<String, Object>> byQuestion = new LinkedHashMap<>();
        for (Question step : flow.steps()) {
            Document answer = answers.get(step.id(), Document.class);
            if (answer == null) {
                continue;
            }
            Map<String, Object> view = view(answer);
            if (flow.isProfileField(step.id())) {
                Object value = view.containsKey("choices") ? String.join(",", choices(answer)) : view.get("text");
                if (value != null) {
                    profile.put(step.id(), value);
                }
            } else {
                byQuestion.put(step.id(), view);
            }
        }
        return new PseudonymousResponse(pseudonyms.of(document.getString("_id")), document.getString("survey"),
                document.getString("wave"), document.getString("status"), document.getString("language"),
                document.getList("channels", String.class, List.of()), instant(document.get("startedAt")),
                instant(document.get("completedAt")), profile, byQuestion);
    }

    static List<String> choices(Document answer) {
        List<String> codes = new ArrayList<>();
        for (Document choice : answer.getList("choices", Document.class, List.of())) {
            codes.add(choice.getString("code"));
        }
        return codes;
    }

    private static Map<String, Object> view(Document answer) {
        Map<String, Object> view = new LinkedHashMap<>();
        if (Boolean.TRUE.equals(answer.getBoolean("skipped"))) {
            view.put("skipped", true);
            return view;
        }
        if (answer.containsKey("choices")) {
            view.put("choices", choices(answer));
        }
        copy(answer, "otherText", view);
        copy(answer, "text", view);
        if (answer.get("value") instanceof Number number) {
            view.put("value", number);
        }
        if (answer.containsKey("entries")) {
            List<Map<String, Object>> entries = new ArrayList<>();
            answer.getList("entries", Document.class, List.of()).forEach(e -> entries.add(new LinkedHashMap<>(e)));
            view.put("entries", entries);
        }
        if (answer.get("parts") instanceof Document parts) {
            view.put("parts", new LinkedHashMap<>(parts));
        }
        return view;
    }

    private static void copy(Document answer, String field, Map<String, Object> view) {
        if (answer.get(field) instanceof String text) {
            view.put(field, text);
        }
    }

    private static Instant instant(Object value) {
        return value instanceof Date date ? date.toInstant() : null;
    }
}
