package nl.peilbot.engine;

import java.util.List;
import java.util.Map;

/** One free text, kept as typed (without outer spaces). */
final class OpenTextParser implements AnswerParser {

    @Override
    public ParsedAnswer text(ParseContext context, String text) {
        return FreeText.problem(text).<ParsedAnswer>map(r -> r)
                .orElseGet(() -> new ParsedAnswer.Accepted(context.answer(List.of(), null, text.strip(), List.of(), Map.of())));
    }

    @Override
    public ParsedAnswer choice(ParseContext context, String code) {
        return new ParsedAnswer.Rejected("hint.not.offered");
    }
}
