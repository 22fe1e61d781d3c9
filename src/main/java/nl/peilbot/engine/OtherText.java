package nl.peilbot.engine;

import java.util.List;
import java.util.Map;

/** The "Anders, namelijk ..." text that completes a choice once an {@code other} option is chosen. */
final class OtherText {

    private OtherText() {
    }

    static boolean includesOther(ParseContext context, List<String> codes) {
        return codes.stream().anyMatch(code -> context.question().option(code).map(o -> o.other()).orElse(false));
    }

    static ParsedAnswer awaiting(List<String> codes) {
        return new ParsedAnswer.Partial(new Pending(codes, true, List.of(), Map.of(), Map.of()));
    }

    static ParsedAnswer complete(ParseContext context, String text) {
        return FreeText.problem(text).<ParsedAnswer>map(r -> r)
                .orElseGet(() -> new ParsedAnswer.Accepted(
                        context.answer(context.pending().selected(), text.strip(), null, List.of(), Map.of())));
    }
}
