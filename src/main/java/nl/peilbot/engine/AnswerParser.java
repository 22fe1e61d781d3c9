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
        return kind.match(PARSERS);
    }

    /** The parser of each kind. */
    QuestionKind.Cases<AnswerParser> PARSERS = new QuestionKind.Cases<>() {

        private final AnswerParser singleChoice = new SingleChoiceParser();
        private final AnswerParser multipleChoice = new MultipleChoiceParser();
        private final AnswerParser openText = new OpenTextParser();
        private final AnswerParser openList = new OpenListParser();
        private final AnswerParser openParts = new OpenPartsParser();

        @Override
        public AnswerParser singleChoice(QuestionKind.SingleChoice kind) {
            return singleChoice;
        }

        @Override
        public AnswerParser multipleChoice(QuestionKind.MultipleChoice kind) {
            return multipleChoice;
        }

        @Override
        public AnswerParser openText(QuestionKind.OpenText kind) {
            return openText;
        }

        @Override
        public AnswerParser openList(QuestionKind.OpenList kind) {
            return openList;
        }

        @Override
        public AnswerParser openParts(QuestionKind.OpenParts kind) {
            return openParts;
        }

        @Override
        public AnswerParser rating(QuestionKind.Rating kind) {
            return new RatingParser(kind);
        }

        @Override
        public AnswerParser number(QuestionKind.Numeric kind) {
            return new NumberParser(kind);
        }
    };
}
