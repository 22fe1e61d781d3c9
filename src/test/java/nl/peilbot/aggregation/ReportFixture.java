package nl.peilbot.aggregation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

import nl.peilbot.engine.Answer;
import nl.peilbot.engine.ChosenOption;
import nl.peilbot.engine.ConversationState;
import nl.peilbot.engine.Stage;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Flows;
import nl.peilbot.flow.Question;
import nl.peilbot.flow.QuestionKind;
import nl.peilbot.response.StoredResponse;

/**
 * A fixture file of respondents' answers (conversation-flows/examples/*-respondents.yaml, src/test/resources/aggregation/report-2019.yaml) as completed responses of
 * a flow, in the shape the chat stores them, plus the analysts' codings of their open answers. Public for the
 * results module's tests, which load the same fixture.
 */
public final class ReportFixture {

    public static final Instant SUBMITTED = Instant.parse("2020-03-02T10:00:00Z");

    /** One analyst coding to apply: the answer's question, part (or null) and categories. */
    public record Coded(String responseId, String questionId, String part, List<String> categories) {
    }

    public final Flow flow;
    public final String flowYaml;
    public final List<StoredResponse> responses = new ArrayList<>();
    public final List<Coded> codings = new ArrayList<>();

    public ReportFixture(Path flowFile, Path fixtureFile) {
        this.flowYaml = Flows.read(flowFile);
        this.flow = Flows.parse(flowFile.toString(), flowYaml);
        Map<String, Object> root = new Yaml().load(Flows.read(fixtureFile));
        for (Object item : (List<?>) root.get("respondents")) {
            add(asMap(item));
        }
    }

    public static String responseId(String survey, String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((survey + ":" + key).getBytes(StandardCharsets.UTF_8));
            return "r_" + HexFormat.of().formatHex(hash).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String id(String key) {
        return responseId(flow.id(), key);
    }

    private void add(Map<String, Object> respondent) {
        String id = id(String.valueOf(respondent.get("key")));
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (Question question : flow.steps()) {
            Object value = respondent.get(question.id());
            if (value != null) {
                answers.put(question.id(), answer(id, question, value, respondent.get(question.id() + "Other"),
                        flow.isProfileField(question.id())));
            }
        }
        ConversationState state = new ConversationState(flow.id(), flow.version(), flow.defaultLanguage(), Stage.COMPLETED,
                null, answers, null, null, false, null);
        responses.add(StoredResponse.begin(id, flow.wave(), state, "web", SUBMITTED));
    }

    private Answer answer(String id, Question question, Object value, Object otherText, boolean profile) {
        String source = profile ? "invitation" : "chat";
        if ("skip".equals(value) && question.optional()) {
            return new Answer(question.id(), null, null, null, null, null, true, "chat", SUBMITTED, 5);
        }
        QuestionKind kind = question.kind();
        if (kind.isChoice()) {
            List<ChosenOption> choices = (value instanceof List<?> codes ? codes : List.of(value)).stream()
                    .map(code -> question.option(String.valueOf(code)).orElseThrow(() ->
                            new IllegalArgumentException(id + ": no option " + code + " at " + question.id())))
                    .map(o -> new ChosenOption(o.code(), o.label().in(flow.defaultLanguage()))).toList();
            return new Answer(question.id(), choices, otherText == null ? null : String.valueOf(otherText), null, null,
                    null, false, source, SUBMITTED, 10);
        }
        if (kind instanceof QuestionKind.OpenText) {
            String text = value instanceof Map<?, ?> coded ? code(id, question.id(), null, coded) : String.valueOf(value);
            return new Answer(question.id(), null, null, text, null, null, false, source, SUBMITTED, 30);
        }
        if (kind instanceof QuestionKind.OpenParts) {
            Map<String, String> parts = new LinkedHashMap<>();
            asMap(value).forEach((part, coded) -> parts.put(part, code(id, question.id(), part, asMap(coded))));
            return new Answer(question.id(), null, null, null, null, parts, false, source, SUBMITTED, 60);
        }
        if (kind instanceof QuestionKind.OpenList) {
            List<Map<String, String>> entries = new ArrayList<>();
            for (Object entry : (List<?>) value) {
                Map<String, String> fields = new LinkedHashMap<>();
                asMap(entry).forEach((field, text) -> fields.put(field, String.valueOf(text)));
                entries.add(fields);
            }
            return new Answer(question.id(), null, null, null, entries, null, false, source, SUBMITTED, 90);
        }
        return new Answer(question.id(), null, null, null, null, null, new java.math.BigDecimal(String.valueOf(value)),
            false, source, SUBMITTED, 15);
    }

    private String code(String id, String questionId, String part, Map<?, ?> coded) {
        List<String> categories = ((List<?>) coded.get("codes")).stream().map(String::valueOf).toList();
        codings.add(new Coded(id, questionId, part, categories));
        return String.valueOf(coded.get("text"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }
}
