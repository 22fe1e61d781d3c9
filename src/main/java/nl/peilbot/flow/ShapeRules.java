package nl.peilbot.flow;

import java.util.List;

/** What each kind of question needs and may not have: options, fields, max-items, other and exclusive. */
final class ShapeRules {

    /** The invitation pre-fills profile fields with one plain value: a text or an option code. */
    private static final List<QuestionKind> PROFILE_KINDS = List.of(QuestionKind.OPEN_TEXT, QuestionKind.SINGLE_CHOICE);

    private ShapeRules() {
    }

    static void check(Flow flow, Problems problems) {
        for (Question question : flow.profile()) {
            if (question.kind() != null && !PROFILE_KINDS.contains(question.kind())) {
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
        boolean hasFields = kind == QuestionKind.OPEN_LIST || kind == QuestionKind.OPEN_PARTS;
        if (hasFields && question.fields().isEmpty()) {
            problems.add(id, kind.yamlName() + " question without fields");
        } else if (!hasFields && !question.fields().isEmpty()) {
            problems.add(id, "has fields, but fields are only for open-list and open-parts, not " + kind.yamlName());
        }
        if (kind.isChoice() && !question.coding().isEmpty()) {
            problems.add(id, "has 'coding', which is only for open questions, not " + kind.yamlName());
        }
        if (kind == QuestionKind.OPEN_LIST && question.maxItems() < 1) {
            problems.add(id, "open-list needs 'max-items' of at least 1, not " + question.maxItems());
        } else if (kind != QuestionKind.OPEN_LIST && question.maxItems() != 0) {
            problems.add(id, "has 'max-items', which is only for open-list, not " + kind.yamlName());
        }
    }

    private static void choice(Question question, List<String> languages, Problems problems) {
        String id = question.id();
        List<AnswerOption> options = question.options();
        if (options.isEmpty()) {
            problems.add(id, question.kind().yamlName() + " question without options");
            return;
        }
        if (question.kind() == QuestionKind.SINGLE_CHOICE) {
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
