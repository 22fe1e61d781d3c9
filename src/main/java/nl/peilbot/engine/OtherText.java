package nl.peilbot.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;

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

    /**
     * Options and the other option's text in one message: "Anders: Process mining", "anders, namelijk process mining",
     * "1 en anders: spraak". Empty unless the part before the first separator names options including the other one.
     *
     * @param options what the part before the separator names, as the question's parser reads it
     */
    static Optional<ParsedAnswer> inline(ParseContext context, String text, Function<String, Optional<List<String>>> options) {
        Matcher separator = context.words().otherSeparator().matcher(text);
        if (!separator.find() || separator.start() == 0) {
            return Optional.empty();
        }
        Optional<List<String>> codes = options.apply(text.substring(0, separator.start()));
        if (codes.isEmpty() || !includesOther(context, codes.get())) {
            return Optional.empty();
        }
        String otherText = text.substring(separator.end());
        return Optional.of(FreeText.problem(otherText).<ParsedAnswer>map(r -> r)
                .orElseGet(() -> new ParsedAnswer.Accepted(
                        context.answer(codes.get(), otherText.strip(), null, List.of(), Map.of()))));
    }

    static ParsedAnswer complete(ParseContext context, String text) {
        return FreeText.problem(text).<ParsedAnswer>map(r -> r)
                .orElseGet(() -> new ParsedAnswer.Accepted(
                        context.answer(context.pending().selected(), text.strip(), null, List.of(), Map.of())));
    }
}
