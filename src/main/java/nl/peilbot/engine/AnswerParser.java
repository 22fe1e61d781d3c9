package nl.peilbot.engine;

import nl.peilbot.flow.QuestionKind;

/** Turns one reply to a question of a particular kind into a {@link ParsedAnswer}. */
interface AnswerParser {

    String DONE = "#done";

    /** Typed text (not a command). */
    ParsedAnswer text(ParseContext context, String text);

    /** A button of the current prompt, already checked to be offered; never {@code #skip}. */
    ParsedAnswer choice(ParseContext context, String code);

    default ParsedAnswer skip(ParseContext context) {
        return context.question().optional() ? new ParsedAnswer.Skipped() : new ParsedAnswer.Rejected("hint.skip.not.allowed");
    }

    static AnswerParser forKind(QuestionKind kind) {
        return switch (kind) {
            case SINGLE_CHOICE -> new SingleChoiceParser();
            case MULTIPLE_CHOICE -> new MultipleChoiceParser();
            case OPEN_TEXT -> new OpenTextParser();
            case OPEN_LIST -> new OpenListParser();
            case OPEN_PARTS -> new OpenPartsParser();
        };
    }
}
