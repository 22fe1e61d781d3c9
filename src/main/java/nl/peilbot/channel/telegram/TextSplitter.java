package nl.peilbot.channel.telegram;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text into Telegram-sized messages, preferably at a blank line, then a line break, then a space.
 * Lengths count UTF-16 units, never fewer than Telegram's characters, and a surrogate pair is never cut.
 */
final class TextSplitter {

    static final int TELEGRAM_LIMIT = 4096;

    private final int limit;

    TextSplitter(int limit) {
        this.limit = limit;
    }

    List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.length() > limit) {
            int cut = cut(rest);
            String part = rest.substring(0, cut).stripTrailing();
            if (!part.isEmpty()) {
                parts.add(part);
            }
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isBlank() || parts.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    private int cut(String text) {
        String window = text.substring(0, limit + 1);
        for (String boundary : new String[] {"\n\n", "\n", " "}) {
            int at = window.lastIndexOf(boundary);
            if (at > limit / 2) {
                return at;
            }
        }
        return Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
    }
}
