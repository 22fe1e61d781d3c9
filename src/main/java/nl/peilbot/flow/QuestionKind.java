package nl.peilbot.flow;

import java.math.BigDecimal;

/**
 * The kinds of question a flow can ask, with what each kind's definition carries beyond the common keys; the YAML
 * spelling is {@link #yamlName()}.
 *
 * <p>The interface is sealed, and every module that treats kinds differently dispatches through {@link #match}
 * with a {@link Cases} of its own: a method per kind, none with a default. A kind added here therefore does not
 * compile until the engine, the channels, aggregation and results handle it. (Java 17 has no pattern
 * {@code switch} over sealed types outside preview; {@link Cases} gives the same guarantee.) The steps are in
 * {@code conversation-flows/README.md}, "Adding a question kind".
 */
public sealed interface QuestionKind {

    QuestionKind SINGLE_CHOICE = new SingleChoice();
    QuestionKind MULTIPLE_CHOICE = new MultipleChoice();
    QuestionKind OPEN_TEXT = new OpenText();
    QuestionKind OPEN_LIST = new OpenList();
    QuestionKind OPEN_PARTS = new OpenParts();

    /** One option out of a list. */
    record SingleChoice() implements QuestionKind {

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.singleChoice(this);
        }

        @Override
        public String yamlName() {
            return "single-choice";
        }
    }

    /** Any number of options; an option marked {@code other} asks for a text, one marked {@code exclusive} stands alone. */
    record MultipleChoice() implements QuestionKind {

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.multipleChoice(this);
        }

        @Override
        public String yamlName() {
            return "multiple-choice";
        }
    }

    /** One free text. */
    record OpenText() implements QuestionKind {

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.openText(this);
        }

        @Override
        public String yamlName() {
            return "open-text";
        }
    }

    /** Up to {@code maxItems} entries, each made of the question's {@code fields} (e.g. specialism and description). */
    record OpenList() implements QuestionKind {

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.openList(this);
        }

        @Override
        public String yamlName() {
            return "open-list";
        }
    }

    /** A fixed set of free-text parts asked one after another (e.g. short term and long term). */
    record OpenParts() implements QuestionKind {

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.openParts(this);
        }

        @Override
        public String yamlName() {
            return "open-parts";
        }
    }

    /**
     * A whole number on a scale from {@code min} to {@code max} (e.g. 1–5 or 0–10), offered as one button per point,
     * with the meaning of both ends in every language.
     *
     * @param minLabel what {@code min} means ("Helemaal niet"); never null after parsing
     * @param maxLabel what {@code max} means ("Volledig")
     */
    record Rating(int min, int max, LocalizedText minLabel, LocalizedText maxLabel) implements QuestionKind {

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.rating(this);
        }

        @Override
        public String yamlName() {
            return "rating";
        }

        /** The number of points of the scale. */
        public int points() {
            return max - min + 1;
        }

        /** An NPS-style scale: 0 to 10. */
        public boolean netPromoter() {
            return min == 0 && max == 10;
        }
    }

    /**
     * A number the respondent types, whole or with up to {@code decimals} digits after the comma.
     *
     * @param decimals digits allowed after the decimal separator; 0 for whole numbers
     * @param min      the lowest accepted value, null for none
     * @param max      the highest accepted value, null for none
     * @param unit     what the number counts ("medewerkers", "FTE"), null for none
     */
    record Numeric(int decimals, BigDecimal min, BigDecimal max, LocalizedText unit) implements QuestionKind {

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.number(this);
        }

        @Override
        public String yamlName() {
            return "number";
        }
    }

    /** The kind's name in a flow file. */
    String yamlName();

    /** Calls the method of {@code cases} for this kind. */
    <R> R match(Cases<R> cases);

    /**
     * What a module does for each kind: one method per kind, so that adding a kind breaks every implementation
     * until it handles the new one.
     */
    interface Cases<R> {
        R singleChoice(SingleChoice kind);

        R multipleChoice(MultipleChoice kind);

        R openText(OpenText kind);

        R openList(OpenList kind);

        R openParts(OpenParts kind);

        R rating(Rating kind);

        R number(Numeric kind);
    }

    /** Whether the answer is one or more of the question's {@code options}. */
    default boolean isChoice() {
        return this instanceof SingleChoice || this instanceof MultipleChoice;
    }

    /** Whether the answer is a number ({@code value} of a stored answer). */
    default boolean isNumber() {
        return this instanceof Rating || this instanceof Numeric;
    }

    /** Whether the answer is free text that analysts may code into categories. */
    default boolean isOpen() {
        return this instanceof OpenText || this instanceof OpenList || this instanceof OpenParts;
    }
}
