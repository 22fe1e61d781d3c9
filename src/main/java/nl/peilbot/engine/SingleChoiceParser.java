package nl.peilbot.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One option, by button, number, code or label; an {@code other} option then asks for its text. */
final class SingleChoiceParser implements AnswerParser {

    @Override
    public ParsedAnswer text(ParseContext context, String text) {
        if (context.pending().awaitingOther()) {
            return OtherText.complete(context, text);
        }
        Optional<String> code = TextMatcher.matchOne(text, context.options());
        if (code.isPresent()) {
            return chosen(context, code.get());
        }
        return OtherText.inline(context, text, head -> TextMatcher.matchOne(head, context.options()).map(List::of))
                .orElseGet(() -> new ParsedAnswer.Rejected("hint.choose.one"));
    }

    @Override
    public ParsedAnswer choice(ParseContext context, String code) {
        if (context.question().option(code).isEmpty()) {
            return new ParsedAnswer.Rejected("hint.not.offered");
        }
        return chosen(context, code);
    }

    private static ParsedAnswer chosen(ParseContext context, String code) {
        if (OtherText.includesOther(context, List.of(code))) {
            return OtherText.awaiting(List.of(code));
        }
        return new ParsedAnswer.Accepted(context.answer(List.of(code), null, null, List.of(), Map.of()));
    }
}
