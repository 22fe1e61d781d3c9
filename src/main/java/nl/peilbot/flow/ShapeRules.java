package nl.peilbot.flow;

import java.util.List;

/** What each kind of question needs and may not have: options, fields, max-items, other and exclusive. */
final class ShapeRules {

    /** The invitation pre-fills profile fields with one plain value: a text or an option code. */

    private ShapeRules() {
    }

    static void check(Flow flow, Problems problems) {
        for (Question question : flow.profile()) {
            if (question.kind() != null && !(question.kind() instanceof QuestionKind.OpenText || question.kind() instanceof QuestionKind.SingleChoice)) {
                problems.add(question.id(), "a profile field must be open-text or single-choice, not " + question.kind().yamlName());
            }
        }
        for (Question question : flow.steps()) {
            if (question.kind() != null) {
                check(question, flow.languages(), problems);
            }
        }
    }

    private static void check(Question question, List<String> languages, Problems problems) {
        QuestionKind kind = question.kind();
        String id = question.id();
        if (kind.isChoice()) {
            choice(question, languages, problems);
        } else if (!question.options().isEmpty()) {
            problems.add(id, "has options, but options are only for single-choice and multiple-choice, not " + kind.yamlName());
        }
        boolean hasFields = kind instanceof QuestionKind.OpenList || kind instanceof QuestionKind.OpenParts;
        if (hasFields && question.fields().isEmpty()) {
            problems.add(id, kind.yamlName() + " question without fields");
        } else if (!hasFields && !question.fields().isEmpty()) {
            problems.add(id, "has fields, but fields are only for open-list and open-parts, not " + kind.yamlName());
        }
        if (!kind.isOpen() && !question.coding().isEmpty()) {
            problems.add(id, "has 'coding', which is only for open questions, not " + kind.yamlName());
        }
        if (kind instanceof QuestionKind.OpenList && question.maxItems() < 1) {
            problems.add(id, "open-list needs 'max-items' of at least 1, not " + question.maxItems());
        } else if (!(kind instanceof QuestionKind.OpenList) && question.maxItems() != 0) {
            problems.add(id, "has 'max-items', which is only for open-list, not " + kind.yamlName());
        }
        kind.match(new KindRules(id, problems));
    }

    /** The rules of each kind's own keys; options, fields and max-items are checked above for every kind. */
    private record KindRules(String id, Problems problems) implements QuestionKind.Cases<Void> {

        @Override
        public Void singleChoice(QuestionKind.SingleChoice kind) {
            return null;
        }

        @Override
        public Void multipleChoice(QuestionKind.MultipleChoice kind) {
            return null;
        }

        @Override
        public Void openText(QuestionKind.OpenText kind) {
            return null;
        }

        @Override
        public Void openList(QuestionKind.OpenList kind) {
            return null;
        }

        @Override
        public Void openParts(QuestionKind.OpenParts kind) {
            return null;
        }

        @Override
        public Void rating(QuestionKind.Rating kind) {
            ShapeRules.rating(id, kind, problems);
            return null;
        }

        @Override
        public Void number(QuestionKind.Numeric kind) {
            ShapeRules.number(id, kind, problems);
            return null;
        }
    }

    /** One button per point, so a scale stays short enough for a chat (at most 0–10), and every point has a word. */
    private static void rating(String id, QuestionKind.Rating rating, Problems problems) {
        if (rating.min() < 0 || rating.max() <= rating.min() || rating.max() > 10) {
            problems.add(id, "rating needs 0 <= min < max <= 10 (such as 1-5 or 0-10), not min " + rating.min()
                    + " and max " + rating.max());
        }
    }

    private static void number(String id, QuestionKind.Numeric number, Problems problems) {
        if (number.decimals() < 0 || number.decimals() > 6) {
            problems.add(id, "'decimals' must be between 0 and 6, not " + number.decimals());
        }
        if (number.min() != null && number.max() != null && number.min().compareTo(number.max()) > 0) {
            problems.add(id, "'min' " + number.min().toPlainString() + " is above 'max' " + number.max().toPlainString());
        }
        for (var bound : java.util.Arrays.asList(number.min(), number.max())) {
            if (bound != null && bound.stripTrailingZeros().scale() > Math.max(number.decimals(), 0)) {
                problems.add(id, "bound " + bound.toPlainString() + " has more decimals than 'decimals' (" + number.decimals() + ") allows");
            }
        }
    }

    private static void choice(Question question, List<String> languages, Problems problems) {
        String id = question.id();
        List<AnswerOption> options = question.options();
        if (options.isEmpty()) {
            problems.add(id, question.kind().yamlName() + " question without options");
            return;
        }
        if (question.kind() instanceof QuestionKind.SingleChoice) {
            options.stream().filter(AnswerOption::exclusive).forEach(o -> problems.add(id,
                    "option '" + o.code() + "' is 'exclusive', which only means something in a multiple-choice question"));
        } else if (options.stream().allMatch(AnswerOption::exclusive)) {
            problems.add(id, "every option is 'exclusive', so only one can be chosen: make it a single-choice question");
        }
        distinctLabels(id, options, languages, problems);
        // an answer stores one otherText, so two "other" options would overwrite each other's text
        if (options.stream().filter(AnswerOption::other).count() > 1) {
            problems.add(id, "more than one option is marked 'other', but an answer holds only one other text");
        }
    }

    /** The engine also accepts a label as the reply, so labels must tell the options apart. */
    private static void distinctLabels(String id, List<AnswerOption> options, List<String> languages, Problems problems) {
        for (String language : languages) {
            for (int i = 0; i < options.size(); i++) {
                for (int j = i + 1; j < options.size(); j++) {
                    if (Labels.same(options.get(i).label(), options.get(j).label(), language)) {
                        problems.add(id, "options '" + options.get(i).code() + "' and '" + options.get(j).code()
                                + "' have the same '" + language + "' label, so a typed reply cannot tell them apart");
                    }
                }
            }
        }
    }
}
