package nl.peilbot.engine;

import java.util.List;

/** The bundle's words for replies to engine prompts (yes, no, done, submit, change) and number words (zero up), in all languages. */
record ReplyWords(List<String> yes, List<String> no, List<String> done, List<String> submit, List<String> change,
                  List<List<String>> numbers) {

    static ReplyWords from(EngineMessages messages) {
        return new ReplyWords(messages.words("word.yes"), messages.words("word.no"), messages.words("word.done"),
                messages.words("word.submit"), messages.words("word.change"),
                List.of(messages.words("number.nl"), messages.words("number.en")));
    }
}
