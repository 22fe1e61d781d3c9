package nl.peilbot.engine;

import java.util.Optional;

/** Checks typed free text: not empty, not longer than {@link #MAX_LENGTH} characters; kept as given apart from outer spaces. */
final class FreeText {

    static final int MAX_LENGTH = 2000;

    private FreeText() {
    }

    static Optional<ParsedAnswer.Rejected> problem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(new ParsedAnswer.Rejected("hint.empty"));
        }
        if (text.strip().codePointCount(0, text.strip().length()) > MAX_LENGTH) {
            return Optional.of(new ParsedAnswer.Rejected("hint.too.long", java.util.List.of(MAX_LENGTH)));
        }
        return Optional.empty();
    }
}
