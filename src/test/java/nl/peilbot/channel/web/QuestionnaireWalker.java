package nl.peilbot.channel.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import nl.peilbot.flow.AnswerOption;
import nl.peilbot.flow.Field;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Question;
import nl.peilbot.flow.QuestionKind;

/**
 * Answers whatever the chat asks, the way a respondent would, and remembers what each answer should be stored as.
 * Public so the Telegram channel's walk-through gives the same answers.
 *
 * <p>It picks options that make every conditional question apply, so one walk visits every question; it
 * skips the last optional question, types the number instead of pressing the button for every other single
 * choice, toggles multiple-choice options one by one with an "other" text, and gives two open-list entries.
 */
public final class QuestionnaireWalker {

    /** One frame to send. */
    public record Frame(String type, String field, String value) {
    }

    /** What the stored answer must hold. */
    public record Expected(List<String> codes, String otherText, String text, List<Map<String, String>> entries,
                    Map<String, String> parts, boolean skipped, BigDecimal value) {

        public Expected(List<String> codes, String otherText, String text, List<Map<String, String>> entries,
                        Map<String, String> parts, boolean skipped) {
            this(codes, otherText, text, entries, parts, skipped, null);
        }
    }

    private static final int ENTRIES = 2;

    private final Flow flow;
    private final String skipped;
    private final Map<String, Expected> expected = new LinkedHashMap<>();
    private final Map<String, Integer> textsSent = new HashMap<>();
    private final Map<String, Integer> asks = new HashMap<>();
    private static final List<String> DUTCH_NUMBERS =
            List.of("nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien");

    private final int variant;
    private int singleChoices;
    private int ratings;

    public QuestionnaireWalker(Flow flow) {
        this(flow, 0);
    }

    /**
     * A walker whose {@code variant} (0 or 1) picks other options where no later question depends on them: two
     * respondents of different variants differ in every dimension and most choices, so a filter or cross-tab that
     * mixes them up is seen.
     */
    public QuestionnaireWalker(Flow flow, int variant) {
        this.flow = flow;
        this.variant = variant;
        this.skipped = flow.questions().stream().filter(Question::optional).reduce((first, second) -> second)
                .map(Question::id).orElse(null);
    }

    public Map<String, Expected> expected() {
        return expected;
    }

    public Frame respond(JsonNode ask) {
        String step = ask.get("step").stringValue();
        if (asks.merge(step, 1, Integer::sum) > 12) {
            throw new AssertionError("asked " + step + " more than 12 times; last: " + ask);
        }
        if (step.equals("#consent")) {
            return new Frame("choice", "code", "#yes");
        }
        if (step.equals("#summary")) {
            return new Frame("choice", "code", "#submit");
        }
        Question question = flow.step(step).orElseThrow(() -> new AssertionError("unexpected step: " + ask));
        if (question.id().equals(skipped)) {
            expected.put(step, new Expected(List.of(), null, null, List.of(), Map.of(), true));
            return new Frame("command", "command", "skip");
        }
        return question.kind().match(new QuestionKind.Cases<>() {
            @Override
            public Frame singleChoice(QuestionKind.SingleChoice kind) {
                return QuestionnaireWalker.this.singleChoice(question, ask);
            }

            @Override
            public Frame multipleChoice(QuestionKind.MultipleChoice kind) {
                return QuestionnaireWalker.this.multipleChoice(question, ask);
            }

            @Override
            public Frame openText(QuestionKind.OpenText kind) {
                return QuestionnaireWalker.this.openText(question);
            }

            @Override
            public Frame openList(QuestionKind.OpenList kind) {
                return QuestionnaireWalker.this.openList(question);
            }

            @Override
            public Frame openParts(QuestionKind.OpenParts kind) {
                return QuestionnaireWalker.this.openParts(question);
            }

            @Override
            public Frame rating(QuestionKind.Rating kind) {
                return QuestionnaireWalker.this.rating(question, kind);
            }

            @Override
            public Frame number(QuestionKind.Numeric kind) {
                return QuestionnaireWalker.this.number(question, kind);
            }
        });
    }

    /**
     * One below the top of the scale, in turn as the button, as "n/max" and as a Dutch number word, so each way a
     * respondent gives a rating is walked.
     */
    private Frame rating(Question question, QuestionKind.Rating kind) {
        int point = kind.max() - 1;
        expected.put(question.id(), new Expected(List.of(), null, null, List.of(), Map.of(), false, BigDecimal.valueOf(point)));
        return switch (ratings++ % 3) {
            case 0 -> new Frame("choice", "code", String.valueOf(point));
            case 1 -> new Frame("text", "text", point + "/" + kind.max());
            default -> new Frame("text", "text", DUTCH_NUMBERS.get(point));
        };
    }

    /** A value inside the bounds, typed the Dutch way ("2,5" for decimals) and followed by the unit when there is one. */
    private Frame number(Question question, QuestionKind.Numeric kind) {
        BigDecimal low = kind.min() == null ? BigDecimal.ZERO : kind.min();
        BigDecimal high = kind.max() == null ? low.add(BigDecimal.valueOf(1000)) : kind.max();
        BigDecimal value = low.add(high.subtract(low).divide(BigDecimal.valueOf(3), 0, java.math.RoundingMode.DOWN));
        if (kind.decimals() > 0 && value.add(new BigDecimal("0.5")).compareTo(high) <= 0) {
            value = value.add(new BigDecimal("0.5"));
        }
        expected.put(question.id(), new Expected(List.of(), null, null, List.of(), Map.of(), false, value));
        String typed = value.toPlainString().replace('.', ',');
        return new Frame("text", "text", kind.unit() == null ? typed : typed + " " + kind.unit().in(flow.defaultLanguage()));
    }

    private Frame singleChoice(Question question, JsonNode ask) {
        String code = wanted(question).get(0);
        expected.put(question.id(), new Expected(List.of(code), null, null, List.of(), Map.of(), false));
        if (singleChoices++ % 2 == 1) {
            for (JsonNode button : ask.get("buttons")) {
                if (button.get("code").stringValue().equals(code) && button.get("number").intValue() > 0) {
                    return new Frame("text", "text", String.valueOf(button.get("number").intValue()));
                }
            }
        }
        return new Frame("choice", "code", code);
    }

    private Frame multipleChoice(Question question, JsonNode ask) {
        List<String> codes = wanted(question);
        String otherText = codes.stream().anyMatch(code -> question.option(code).orElseThrow().other())
                ? "Iets anders bij " + question.id() : null;
        expected.put(question.id(), new Expected(codes, otherText, null, List.of(), Map.of(), false));
        if (ask.get("input").stringValue().equals("text")) {
            return new Frame("text", "text", otherText);
        }
        Set<String> selected = new LinkedHashSet<>();
        ask.get("selected").forEach(code -> selected.add(code.stringValue()));
        for (String code : codes) {
            if (!selected.contains(code)) {
                return new Frame("choice", "code", code);
            }
        }
        return new Frame("choice", "code", "#done");
    }

    private Frame openText(Question question) {
        String text = "Antwoord op " + question.id() + ": één zin";
        expected.put(question.id(), new Expected(List.of(), null, text, List.of(), Map.of(), false));
        return new Frame("text", "text", text);
    }

    private Frame openList(Question question) {
        List<Field> fields = question.fields();
        int entries = Math.min(ENTRIES, question.maxItems() > 0 ? question.maxItems() : ENTRIES);
        List<Map<String, String>> values = new ArrayList<>();
        for (int e = 0; e < entries; e++) {
            Map<String, String> entry = new LinkedHashMap<>();
            for (Field field : fields) {
                entry.put(field.id(), "Waarde " + field.id() + " " + (e + 1));
            }
            values.add(entry);
        }
        expected.put(question.id(), new Expected(List.of(), null, null, values, Map.of(), false));
        int sent = textsSent.getOrDefault(question.id(), 0);
        if (sent >= entries * fields.size()) {
            return new Frame("choice", "code", "#done");
        }
        textsSent.put(question.id(), sent + 1);
        Field field = fields.get(sent % fields.size());
        return new Frame("text", "text", values.get(sent / fields.size()).get(field.id()));
    }

    private Frame openParts(Question question) {
        Map<String, String> parts = new LinkedHashMap<>();
        question.fields().forEach(part -> parts.put(part.id(), "Deel " + part.id()));
        expected.put(question.id(), new Expected(List.of(), null, null, List.of(), parts, false));
        int sent = textsSent.merge(question.id(), 1, Integer::sum) - 1;
        Field part = question.fields().get(Math.min(sent, question.fields().size() - 1));
        return new Frame("text", "text", parts.get(part.id()));
    }

    /** Options that make every later question conditional on this one apply; otherwise a plain pick (plus "other"). */
    private List<String> wanted(Question question) {
        Set<String> needed = new LinkedHashSet<>();
        flow.steps().stream().filter(q -> q.condition() != null && q.condition().questionId().equals(question.id()))
                .forEach(q -> needed.addAll(q.condition().anyOf()));
        List<AnswerOption> plain = question.options().stream().filter(o -> !o.other() && !o.exclusive()).toList();
        List<String> codes = new ArrayList<>();
        if (!needed.isEmpty()) {
            question.options().stream().map(AnswerOption::code).filter(needed::contains).forEach(codes::add);
            return question.kind() instanceof QuestionKind.SingleChoice ? codes.subList(0, 1) : codes;
        }
        if (question.kind() instanceof QuestionKind.SingleChoice) {
            return List.of(plain.get(variant == 1 ? 0 : Math.min(1, plain.size() - 1)).code());
        }
        if (variant == 1) {
            return List.of(plain.get(plain.size() - 1).code());
        }
        codes.add(plain.get(0).code());
        question.options().stream().filter(AnswerOption::other).findFirst()
                .ifPresentOrElse(o -> codes.add(o.code()), () -> codes.add(plain.get(1).code()));
        return codes;
    }

    public String label(String questionId, String code) {
        return flow.step(questionId).flatMap(q -> q.option(code)).orElseThrow().label().in(flow.defaultLanguage());
    }
}
