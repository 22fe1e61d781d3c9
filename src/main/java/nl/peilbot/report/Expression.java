package nl.peilbot.report;

import java.util.List;

/** One placeholder of a report template, parsed: a figure in the text, a top-N list, or a block of its own. */
sealed interface Expression {

    /** The question ids the expression reads, for finding a typed number's nearby figures. */
    List<String> questions();

    /** A number: a count or a whole percent of one selected figure, in this wave or an earlier one. */
    record Figure(boolean percent, Selector selector, boolean byUnits, String wave) implements Expression {
        @Override
        public List<String> questions() {
            return selector.question() == null ? List.of() : List.of(selector.question());
        }
    }

    /** The {@code n} most frequent categories of an open question (part may be null), as "label (count)". */
    record Top(int n, String question, String part) implements Expression {
        @Override
        public List<String> questions() {
            return List.of(question);
        }
    }

    /** A question's block: its text, its options, its chart and its table. */
    record QuestionBlock(String question, String part, boolean byUnits) implements Expression {
        @Override
        public List<String> questions() {
            return List.of(question);
        }
    }

    /** A choice question compared across waves (earlier ones first, this wave last): chart and table. */
    record CompareBlock(String question, List<String> waves, boolean byUnits) implements Expression {
        @Override
        public List<String> questions() {
            return List.of(question);
        }
    }

    /** What a figure counts. */
    sealed interface Selector {

        /** The question it reads, null for a wave's totals. */
        String question();

        /** The options of a choice question, added up. */
        record Options(String question, List<String> codes) implements Selector {
        }

        /** The units whose combined answer is exactly these options. */
        record Combination(String question, List<String> codes) implements Selector {
        }

        /** The units with any option that is not exclusive. */
        record Active(String question) implements Selector {
        }

        /** Those who answered the question: the base of its percentages. */
        record Answered(String question) implements Selector {
        }

        /** The answers of an open question (part may be null) coded with a category. */
        record Category(String question, String part, String code) implements Selector {
        }

        /** The entries of an open-list question. */
        record Entries(String question) implements Selector {
        }

        /**
         * The entries of an open-list question whose counted field (the flow's {@code analysis.counted}) names one
         * category or value, normalised and matched by synonyms as the tables do.
         */
        record Counted(String question, String name) implements Selector {
        }

        /** The wave's respondents, or units with {@code by units}. */
        record Total() implements Selector {
            @Override
            public String question() {
                return null;
            }
        }
    }
}
