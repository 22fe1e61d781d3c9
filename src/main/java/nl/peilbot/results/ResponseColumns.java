package nl.peilbot.results;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import nl.peilbot.flow.AnswerOption;
import nl.peilbot.flow.Field;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Question;
import nl.peilbot.flow.QuestionKind;

/**
 * The columns of the raw-response export, one row per respondent: the pseudonym and response facts, then every
 * profile field and question in flow order. A single choice is one numeric column holding the option's number in
 * the flow (1, 2, …), a multiple choice one 0/1 column per option, an "Anders" option adds a text column, open
 * parts one text column each, open-list entries numbered columns per field. A skipped question is
 * {@value #SKIPPED} in its numeric columns; a question not asked is empty.
 *
 * <p>The columns come from the flow alone, so an export knows them before it reads a response and can stream the
 * rows: an open list has a column group per entry up to its {@code max-items}, which every valid flow sets (the flow
 * module's shape rules), a lowered one is refused as an incompatible change, and the engine never stores more. An
 * entry beyond it would be left out rather than shift the columns after it.
 */
final class ResponseColumns {

    static final int SKIPPED = -1;

    /**
     * One column.
     *
     * @param valueLabels for numeric columns, the labels of their values (also of {@value #SKIPPED}); empty for texts
     * @param spssFormat  the SPSS format of a numeric column ({@code F3.0} for codes), null for texts
     */
    record Column(String name, String label, boolean numeric, Map<Integer, String> valueLabels,
                  Function<PseudonymousResponse, Object> value, String spssFormat) {

        Column(String name, String label, boolean numeric, Map<Integer, String> valueLabels,
               Function<PseudonymousResponse, Object> value) {
            this(name, label, numeric, valueLabels, value, numeric ? "F3.0" : null);
        }
    }

    /** The labels the flow does not have: for 0/1 columns and skipped answers, in the export's language. */
    record Labels(String chosen, String notChosen, String skipped, String other, String entry) {
    }

    private ResponseColumns() {
    }

    static List<Column> of(Flow flow, Labels labels, String language) {
        List<Column> columns = new ArrayList<>();
        columns.add(text("respondent", "Pseudonym", PseudonymousResponse::respondent));
        columns.add(text("status", "Status", PseudonymousResponse::status));
        columns.add(text("language", "Language", PseudonymousResponse::language));
        columns.add(text("channels", "Channels", r -> String.join(" ", r.channels())));
        columns.add(text("startedAt", "Started at (UTC)", r -> iso(r.startedAt())));
        columns.add(text("completedAt", "Completed at (UTC)", r -> iso(r.completedAt())));
        for (Question question : flow.steps()) {
            question.kind().match(new QuestionColumns(columns, question, labels, language));
        }
        return unique(columns);
    }

    /** The columns of each kind of question. */
    private record QuestionColumns(List<Column> columns, Question question, Labels labels, String language)
            implements QuestionKind.Cases<Void> {

        private String questionText() {
            return question.text().in(language);
        }

        @Override
        public Void singleChoice(QuestionKind.SingleChoice kind) {
            ResponseColumns.singleChoice(columns, question, questionText(), labels, language);
            return null;
        }

        @Override
        public Void multipleChoice(QuestionKind.MultipleChoice kind) {
            ResponseColumns.multipleChoice(columns, question, questionText(), labels, language);
            return null;
        }

        @Override
        public Void openText(QuestionKind.OpenText kind) {
            columns.add(text(question.id(), questionText(), r -> answerText(r, question.id())));
            return null;
        }

        @Override
        public Void openList(QuestionKind.OpenList kind) {
            ResponseColumns.openList(columns, question, questionText(), labels, language);
            return null;
        }

        @Override
        public Void openParts(QuestionKind.OpenParts kind) {
            question.fields().forEach(part -> columns.add(text(question.id() + "_" + part.id(),
                    questionText() + ": " + part.label().in(language), r -> part(r, question.id(), part.id()))));
            return null;
        }

        /** The point itself, its ends labelled. */
        @Override
        public Void rating(QuestionKind.Rating kind) {
            Map<Integer, String> valueLabels = new LinkedHashMap<>();
            valueLabels.put(kind.min(), kind.minLabel().in(language));
            valueLabels.put(kind.max(), kind.maxLabel().in(language));
            valueLabels.put(SKIPPED, labels.skipped());
            columns.add(new Column(question.id(), questionText(), true, valueLabels, r -> value(r, question.id(), SKIPPED), "F2.0"));
            return null;
        }

        /**
         * The number as given; a skipped answer is {@value #SKIPPED} only when the question cannot take negative
         * numbers, otherwise empty like a question not asked (a real -1 must not read as "skipped").
         */
        @Override
        public Void number(QuestionKind.Numeric kind) {
            boolean nonNegative = kind.min() != null && kind.min().signum() >= 0;
            Map<Integer, String> valueLabels = nonNegative ? Map.of(SKIPPED, labels.skipped()) : Map.of();
            int digits = kind.max() == null ? 12 : Math.max(kind.max().abs().toBigInteger().toString().length(), 1);
            int width = digits + 1 + (kind.decimals() > 0 ? kind.decimals() + 1 : 0);
            columns.add(new Column(question.id(), kind.unit() == null ? questionText() : questionText() + " (" + kind.unit().in(language) + ")",
                    true, valueLabels, r -> value(r, question.id(), nonNegative ? SKIPPED : null),
                    "F" + width + "." + kind.decimals()));
            return null;
        }
    }

    private static Object value(PseudonymousResponse response, String questionId, Integer skipped) {
        Map<String, Object> answer = answer(response, questionId);
        if (answer == null) {
            return null;
        }
        return answer.containsKey("skipped") ? skipped : answer.get("value");
    }

    static List<String> header(List<Column> columns) {
        return columns.stream().map(Column::name).toList();
    }

    /** The row of one response: a value (or null) for each column. */
    static List<Object> row(List<Column> columns, PseudonymousResponse response) {
        List<Object> row = new ArrayList<>(columns.size());
        columns.forEach(c -> row.add(c.value().apply(response)));
        return row;
    }

    private static void singleChoice(List<Column> columns, Question question, String text, Labels labels, String language) {
        Map<Integer, String> valueLabels = new LinkedHashMap<>();
        for (int i = 0; i < question.options().size(); i++) {
            valueLabels.put(i + 1, question.options().get(i).label().in(language));
        }
        valueLabels.put(SKIPPED, labels.skipped());
        columns.add(new Column(question.id(), text, true, valueLabels, r -> {
            Map<String, Object> answer = answer(r, question.id());
            if (answer == null) {
                return null;
            }
            if (answer.containsKey("skipped")) {
                return SKIPPED;
            }
            List<?> codes = (List<?>) answer.getOrDefault("choices", List.of());
            return codes.isEmpty() ? null : position(question, String.valueOf(codes.get(0)));
        }));
        other(columns, question, text, labels);
    }

    private static void multipleChoice(List<Column> columns, Question question, String text, Labels labels, String language) {
        Map<Integer, String> valueLabels = new LinkedHashMap<>();
        valueLabels.put(0, labels.notChosen());
        valueLabels.put(1, labels.chosen());
        valueLabels.put(SKIPPED, labels.skipped());
        for (AnswerOption option : question.options()) {
            columns.add(new Column(question.id() + "_" + option.code(), text + ": " + option.label().in(language), true,
                    valueLabels, r -> {
                        Map<String, Object> answer = answer(r, question.id());
                        if (answer == null) {
                            return null;
                        }
                        if (answer.containsKey("skipped")) {
                            return SKIPPED;
                        }
                        return ((List<?>) answer.getOrDefault("choices", List.of())).contains(option.code()) ? 1 : 0;
                    }));
        }
        other(columns, question, text, labels);
    }

    private static void other(List<Column> columns, Question question, String text, Labels labels) {
        if (question.options().stream().anyMatch(AnswerOption::other)) {
            columns.add(text(question.id() + "_otherText", text + ": " + labels.other(), r -> {
                Map<String, Object> answer = answer(r, question.id());
                return answer == null ? null : answer.get("otherText");
            }));
        }
    }

    private static void openList(List<Column> columns, Question question, String text, Labels labels,
                                 String language) {
        int entries = Math.max(1, question.maxItems());
        for (int i = 1; i <= entries; i++) {
            int index = i - 1;
            for (Field field : question.fields()) {
                columns.add(text(question.id() + "_" + i + "_" + field.id(),
                        text + ": " + labels.entry() + " " + i + ", " + field.label().in(language), r -> {
                            List<?> given = entries(r, question.id());
                            return index < given.size() ? ((Map<?, ?>) given.get(index)).get(field.id()) : null;
                        }));
            }
        }
    }

    private static Column text(String name, String label, Function<PseudonymousResponse, Object> value) {
        return new Column(name, label, false, Map.of(), value);
    }

    private static Map<String, Object> answer(PseudonymousResponse response, String questionId) {
        if (response.profile().containsKey(questionId)) {
            Object value = response.profile().get(questionId);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("text", value);
            answer.put("choices", List.of(String.valueOf(value).split(",")));
            return answer;
        }
        return response.answers().get(questionId);
    }

    private static Object answerText(PseudonymousResponse response, String questionId) {
        Map<String, Object> answer = answer(response, questionId);
        return answer == null ? null : answer.get("text");
    }

    private static Object part(PseudonymousResponse response, String questionId, String part) {
        Map<String, Object> answer = answer(response, questionId);
        return answer != null && answer.get("parts") instanceof Map<?, ?> parts ? parts.get(part) : null;
    }

    private static List<?> entries(PseudonymousResponse response, String questionId) {
        Map<String, Object> answer = answer(response, questionId);
        return answer != null && answer.get("entries") instanceof List<?> entries ? entries : List.of();
    }

    private static Integer position(Question question, String code) {
        for (int i = 0; i < question.options().size(); i++) {
            if (question.options().get(i).code().equals(code)) {
                return i + 1;
            }
        }
        return null;
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /**
     * Names SPSS accepts: letters, digits and underscores, starting with a letter, at most 64 characters, unique
     * ignoring case (SPSS does).
     */
    private static List<Column> unique(List<Column> columns) {
        Set<String> used = new HashSet<>();
        List<Column> named = new ArrayList<>();
        for (Column column : columns) {
            String base = column.name().replaceAll("[^A-Za-z0-9_]", "_");
            base = Character.isLetter(base.charAt(0)) ? base : "v" + base;
            base = base.substring(0, Math.min(60, base.length()));
            String name = base;
            for (int n = 2; !used.add(name.toLowerCase(Locale.ROOT)); n++) {
                name = base + "_" + n;
            }
            named.add(new Column(name, column.label(), column.numeric(), column.valueLabels(), column.value(),
                    column.spssFormat()));
        }
        return named;
    }
}
