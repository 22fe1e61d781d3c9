package nl.peilbot.response;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.bson.Document;

import nl.peilbot.engine.Answer;
import nl.peilbot.engine.ChosenOption;
import nl.peilbot.engine.ConversationState;
import nl.peilbot.engine.Pending;
import nl.peilbot.engine.Stage;
import nl.peilbot.flow.Field;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Question;
import nl.peilbot.flow.QuestionKind;

/**
 * Maps a {@link StoredResponse} to the {@code responses} document and back.
 *
 * <p>Fields with nothing in them (no text, no choices, not skipped, ...) are left out. The flow gives the
 * order of answers, of open-list fields and of parts, and says which answers make up the flat {@code profile}
 * copy, which is written for queries only and never read back.
 */
final class ResponseDocuments {

    static final String SOURCE_INVITATION = "invitation";

    private ResponseDocuments() {
    }

    static Document toDocument(StoredResponse response, Flow flow) {
        ConversationState state = response.state();
        Document document = new Document("_id", response.id())
                .append("survey", response.survey())
                .append("wave", response.wave())
                .append("flowVersion", response.flowVersion())
                .append("status", response.status().code())
                .append("language", response.language())
                .append("channels", response.channels())
                .append("profile", profile(state.answers(), flow))
                .append("answers", answers(state.answers(), flow));
        putIfPresent(document, "consentedAt", date(response.consentedAt()));
        putIfPresent(document, "startedAt", date(response.startedAt()));
        putIfPresent(document, "updatedAt", date(response.updatedAt()));
        putIfPresent(document, "completedAt", date(response.completedAt()));
        return document
                .append("version", response.version())
                .append("recentMessageIds", response.recentMessageIds())
                .append("conversation", conversation(state, flow));
    }

    static StoredResponse fromDocument(Document document) {
        String survey = document.getString("survey");
        String flowVersion = document.getString("flowVersion");
        String language = document.getString("language");
        Document conversation = document.get("conversation", new Document());
        ConversationState state = new ConversationState(
                survey,
                flowVersion,
                language,
                stage(conversation.getString("stage")),
                conversation.getString("currentStep"),
                answers(document.get("answers", new Document())),
                pending(conversation.get("pending", new Document())),
                instant(conversation.getDate("askedAt")),
                conversation.getBoolean("returnToSummary", false),
                stage(conversation.getString("resumeStage")));
        return new StoredResponse(
                document.getString("_id"),
                survey,
                document.getString("wave"),
                flowVersion,
                ResponseStatus.fromStored(document.getString("status")),
                language,
                document.getList("channels", String.class, List.of()),
                state,
                ((Number) document.get("version")).longValue(),
                document.getList("recentMessageIds", String.class, List.of()),
                instant(document.getDate("startedAt")),
                instant(document.getDate("updatedAt")),
                instant(document.getDate("completedAt")),
                instant(document.getDate("consentedAt")));
    }

    // --- views for other modules ---

    /** The fields {@link #view} reads: no conversation state, no message ids. */
    static final List<String> VIEW_FIELDS = List.of("survey", "wave", "version", "status", "partial", "language",
            "channels", "profile", "answers", "startedAt", "updatedAt", "completedAt");

    static ResponseView view(Document document) {
        Map<String, RecordedAnswer> answers = new LinkedHashMap<>();
        document.get("answers", new Document()).forEach((questionId, value) ->
                answers.put(questionId, recorded(questionId, (Document) value)));
        return new ResponseView(document.getString("_id"), document.getString("survey"), document.getString("wave"),
                version(document), ResponseStatus.fromStored(document.getString("status")),
                document.getBoolean("partial", false), document.getString("language"),
                document.getList("channels", String.class, List.of()), answers,
                document.get("profile", new Document()).keySet(), instant(document.getDate("startedAt")),
                instant(document.getDate("updatedAt")), instant(document.getDate("completedAt")));
    }

    /** The fields {@link #progress} reads: the time and source of each answer of the flow, never its content. */
    static List<String> progressFields(Flow flow) {
        List<String> fields = new ArrayList<>(List.of("survey", "wave", "status", "partial", "startedAt", "updatedAt",
                "completedAt", "conversation.currentStep"));
        flow.unitField().ifPresent(unit -> fields.add("profile." + unit.id()));
        for (Question step : flow.steps()) {
            fields.add("answers." + step.id() + ".answeredAt");
            fields.add("answers." + step.id() + ".secondsTaken");
            fields.add("answers." + step.id() + ".source");
        }
        return fields;
    }

    static ResponseProgress progress(Document document, Flow flow) {
        Document answers = document.get("answers", new Document());
        List<String> answered = new ArrayList<>();
        Map<String, Long> seconds = new LinkedHashMap<>();
        for (Question step : flow.steps()) {
            if (!(answers.get(step.id()) instanceof Document answer)) {
                continue;
            }
            answered.add(step.id());
            if (!SOURCE_INVITATION.equals(answer.getString("source")) && answer.get("secondsTaken") instanceof Number taken) {
                seconds.put(step.id(), taken.longValue());
            }
        }
        Document profile = document.get("profile", new Document());
        String unit = flow.unitField().map(field -> profile.get(field.id()) instanceof String name ? name : null).orElse(null);
        return new ResponseProgress(document.getString("_id"), ResponseStatus.fromStored(document.getString("status")),
                document.getBoolean("partial", false), unit, instant(document.getDate("startedAt")),
                instant(document.getDate("updatedAt")), instant(document.getDate("completedAt")),
                document.get("conversation", new Document()).getString("currentStep"), answered, seconds);
    }

    /** Whether the document belongs to this survey wave (a projection read by {@code _id} is checked with it). */
    static boolean ofWave(Document document, String survey, String wave) {
        return survey.equals(document.getString("survey")) && wave.equals(document.getString("wave"));
    }

    private static RecordedAnswer recorded(String questionId, Document document) {
        Number secondsTaken = (Number) document.get("secondsTaken");
        return new RecordedAnswer(
                questionId,
                document.getList("choices", Document.class, List.of()).stream().map(c -> c.getString("code")).toList(),
                document.getString("otherText"),
                document.getString("text"),
                document.getList("entries", Document.class, List.of()).stream().map(ResponseDocuments::texts).toList(),
                texts(document.get("parts", new Document())),
                number(document.get("value")),
                document.getBoolean("skipped", false),
                instant(document.getDate("answeredAt")),
                secondsTaken == null ? null : secondsTaken.longValue());
    }

    static long version(Document document) {
        return document.get("version") instanceof Number number ? number.longValue() : 0;
    }

    // --- answers ---

    private static Document answers(Map<String, Answer> answers, Flow flow) {
        Document document = new Document();
        for (String questionId : inFlowOrder(answers.keySet(), flow)) {
            document.append(questionId, answer(answers.get(questionId), flow.step(questionId).orElse(null)));
        }
        return document;
    }

    private static Document answer(Answer answer, Question question) {
        Document document = new Document();
        if (!answer.choices().isEmpty()) {
            document.append("choices", answer.choices().stream()
                    .map(choice -> new Document("code", choice.code()).append("label", choice.label()))
                    .toList());
        }
        putIfPresent(document, "otherText", answer.otherText());
        putIfPresent(document, "text", answer.text());
        putIfPresent(document, "value", storedNumber(answer.value()));
        if (!answer.entries().isEmpty()) {
            document.append("entries", answer.entries().stream().map(entry -> texts(entry, question)).toList());
        }
        if (!answer.parts().isEmpty()) {
            document.append("parts", texts(answer.parts(), question));
        }
        if (answer.skipped()) {
            document.append("skipped", true);
        }
        putIfPresent(document, "answeredAt", date(answer.answeredAt()));
        // An answer taken from the invitation was never asked, so it has no time taken.
        if (answer.answeredAt() != null && !SOURCE_INVITATION.equals(answer.source())) {
            document.append("secondsTaken", answer.secondsTaken());
        }
        putIfPresent(document, "source", answer.source());
        return document;
    }

    /**
     * A rating or number as BSON: a whole number as an int64, any other as a double (FerretDB has no decimal128);
     * the engine accepts at most 6 decimals, which a double holds exactly enough to give back the typed digits.
     */
    static Object storedNumber(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal plain = value.stripTrailingZeros();
        return plain.scale() <= 0 ? (Object) plain.longValueExact() : (Object) plain.doubleValue();
    }

    /** A stored {@code value} back as the number that was given. */
    static BigDecimal number(Object stored) {
        if (stored instanceof Integer || stored instanceof Long) {
            return BigDecimal.valueOf(((Number) stored).longValue());
        }
        if (stored instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros();
        }
        return null;
    }

    private static Map<String, Answer> answers(Document document) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        document.forEach((questionId, value) -> answers.put(questionId, answer(questionId, (Document) value)));
        return answers;
    }

    private static Answer answer(String questionId, Document document) {
        List<ChosenOption> choices = document.getList("choices", Document.class, List.of()).stream()
                .map(choice -> new ChosenOption(choice.getString("code"), choice.getString("label")))
                .toList();
        List<Map<String, String>> entries = document.getList("entries", Document.class, List.of()).stream()
                .map(ResponseDocuments::texts)
                .toList();
        Number secondsTaken = (Number) document.get("secondsTaken");
        return new Answer(
                questionId,
                choices,
                document.getString("otherText"),
                document.getString("text"),
                entries,
                texts(document.get("parts", new Document())),
                number(document.get("value")),
                document.getBoolean("skipped", false),
                document.getString("source"),
                instant(document.getDate("answeredAt")),
                secondsTaken == null ? 0 : secondsTaken.longValue());
    }

    /** Profile fields as plain values: an option code (a list of codes for multiple choice) or the text. */
    private static Document profile(Map<String, Answer> answers, Flow flow) {
        Document profile = new Document();
        for (Question field : flow.profile()) {
            Answer answer = answers.get(field.id());
            if (answer == null || answer.skipped()) {
                continue;
            }
            if (field.kind() instanceof QuestionKind.MultipleChoice) {
                profile.append(field.id(), answer.codes());
            } else if (!answer.choices().isEmpty()) {
                profile.append(field.id(), answer.codes().get(0));
            } else if (answer.text() != null) {
                profile.append(field.id(), answer.text());
            }
        }
        return profile;
    }

    // --- conversation ---

    private static Document conversation(ConversationState state, Flow flow) {
        Document document = new Document("stage", stored(state.stage()));
        putIfPresent(document, "currentStep", state.currentStep());
        putIfPresent(document, "askedAt", date(state.askedAt()));
        if (state.returnToSummary()) {
            document.append("returnToSummary", true);
        }
        putIfPresent(document, "resumeStage", stored(state.resumeStage()));
        Question current = state.currentStep() == null ? null : flow.step(state.currentStep()).orElse(null);
        Document pending = pending(state.pending(), current);
        if (!pending.isEmpty()) {
            document.append("pending", pending);
        }
        return document;
    }

    private static Document pending(Pending pending, Question question) {
        Document document = new Document();
        if (!pending.selected().isEmpty()) {
            document.append("selected", pending.selected());
        }
        if (pending.awaitingOther()) {
            document.append("awaitingOther", true);
        }
        if (!pending.entries().isEmpty()) {
            document.append("entries", pending.entries().stream().map(entry -> texts(entry, question)).toList());
        }
        if (!pending.entry().isEmpty()) {
            document.append("entry", texts(pending.entry(), question));
        }
        if (!pending.parts().isEmpty()) {
            document.append("parts", texts(pending.parts(), question));
        }
        return document;
    }

    private static Pending pending(Document document) {
        return new Pending(
                document.getList("selected", String.class, List.of()),
                document.getBoolean("awaitingOther", false),
                document.getList("entries", Document.class, List.of()).stream().map(ResponseDocuments::texts).toList(),
                texts(document.get("entry", new Document())),
                texts(document.get("parts", new Document())));
    }

    private static String stored(Stage stage) {
        return stage == null ? null : stage.name().toLowerCase(Locale.ROOT);
    }

    private static Stage stage(String value) {
        return value == null ? null : Stage.valueOf(value.toUpperCase(Locale.ROOT));
    }

    // --- small pieces ---

    /** Texts by field or part id, in the order the question lists its fields, unknown ones after them. */
    private static Document texts(Map<String, String> texts, Question question) {
        List<String> order = question == null ? List.of() : question.fields().stream().map(Field::id).toList();
        Document document = new Document();
        order.stream().filter(texts::containsKey).forEach(id -> document.append(id, texts.get(id)));
        texts.keySet().stream().filter(id -> !order.contains(id)).sorted()
                .forEach(id -> document.append(id, texts.get(id)));
        return document;
    }

    private static Map<String, String> texts(Document document) {
        Map<String, String> texts = new LinkedHashMap<>();
        document.forEach((id, value) -> texts.put(id, (String) value));
        return texts;
    }

    private static List<String> inFlowOrder(Set<String> questionIds, Flow flow) {
        Set<String> ordered = new LinkedHashSet<>();
        flow.steps().stream().map(Question::id).filter(questionIds::contains).forEach(ordered::add);
        ordered.addAll(questionIds);
        return new ArrayList<>(ordered);
    }

    private static void putIfPresent(Document document, String key, Object value) {
        if (value != null) {
            document.append(key, value);
        }
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
