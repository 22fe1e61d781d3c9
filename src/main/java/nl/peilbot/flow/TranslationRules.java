package nl.peilbot.flow;

/**
 * Every text a respondent can read exists in every language the flow declares.
 *
 * <p>A text that is missing altogether was already reported by the parser and is not repeated here.
 */
final class TranslationRules {

    private TranslationRules() {
    }

    static void check(Flow flow, Problems problems) {
        if (flow.languages().stream().distinct().count() < flow.languages().size()) {
            problems.add(null, "'languages' lists a language twice: " + flow.languages());
        }
        for (String language : flow.languages()) {
            check(flow.title(), language, null, "the title", problems);
            check(flow.intro(), language, null, "the intro", problems);
            check(flow.consent(), language, null, "the consent", problems);
            check(flow.closing(), language, null, "the closing", problems);
            for (Question question : flow.steps()) {
                check(question, language, problems);
            }
        }
    }

    private static void check(Question question, String language, Problems problems) {
        String id = question.id();
        check(question.text(), language, id, "the text", problems);
        check(question.hint(), language, id, "the hint", problems);
        question.options().forEach(o -> check(o.label(), language, id, "the label of option '" + o.code() + "'", problems));
        question.fields().forEach(f -> check(f.label(), language, id, "the label of field '" + f.id() + "'", problems));
        question.coding().forEach(c -> check(c.label(), language, id, "the label of coding category '" + c.code() + "'", problems));
        if (question.kind() instanceof QuestionKind.Rating rating) {
            check(rating.minLabel(), language, id, "'min-label'", problems);
            check(rating.maxLabel(), language, id, "'max-label'", problems);
        } else if (question.kind() instanceof QuestionKind.Numeric number) {
            check(number.unit(), language, id, "'unit'", problems);
        }
    }

    private static void check(LocalizedText text, String language, String questionId, String what, Problems problems) {
        if (text != null && !text.byLanguage().isEmpty() && !text.has(language)) {
            problems.add(questionId, "missing '" + language + "' translation of " + what);
        }
    }
}
