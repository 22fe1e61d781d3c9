package nl.peilbot.engine;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The bundle's words for replies to engine prompts (yes, no, done, submit, change) and number words (zero up), in all
 * languages, and what separates an "other" option from its text in one message ("Anders: ...", "anders, namelijk ...").
 */
record ReplyWords(List<String> yes, List<String> no, List<String> done, List<String> submit, List<String> change,
                  List<List<String>> numbers, Pattern otherSeparator) {

    static ReplyWords from(EngineMessages messages) {
        return new ReplyWords(messages.words("word.yes"), messages.words("word.no"), messages.words("word.done"),
                messages.words("word.submit"), messages.words("word.change"),
                List.of(messages.words("number.nl"), messages.words("number.en")),
                otherSeparator(messages.words("word.namely")));
    }

    /** A colon, or a word such as "namelijk" (after an optional comma), each optionally followed by the other. */
    private static Pattern otherSeparator(List<String> namely) {
        if (namely.isEmpty()) {
            return Pattern.compile("\\s*:\\s*");
        }
        String words = namely.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        String word = "(?:" + words + ")(?![\\p{L}\\p{N}])";
        return Pattern.compile("\\s*:(?:\\s*" + word + "\\s*:?)?\\s*|,?\\s+" + word + "\\s*:?\\s*",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
