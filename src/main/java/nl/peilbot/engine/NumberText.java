package nl.peilbot.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a number as respondents type it, in Dutch or English: "3,5" and "3.5", "2.350" and "2,350" (thousands),
 * "1.234,5", "zeven" / "seven"; and writes one back in a language's own notation.
 */
final class NumberText {

    private static final Pattern NUMBER = Pattern.compile("([+-]?)(\\d[\\d.,]*)");
    private static final Pattern SPACED_THOUSANDS = Pattern.compile("\\d{1,3}(?: \\d{3})+(?:[.,]\\d+)?");
    private static final Pattern ABOUT = Pattern.compile(
            "^(?:ongeveer|circa|ca\\.?|rond|zo'?n|about|around|approximately|approx\\.?|~|±)\\s*", Pattern.CASE_INSENSITIVE);

    private NumberText() {
    }

    /**
     * The number {@code text} is, ignoring a leading "ongeveer"/"about" and a trailing full stop.
     *
     * @param decimals the decimals the question allows: with fewer than 3, "2.350" is read as two thousand three
     *                 hundred and fifty, as Dutch writes it
     * @param words    the number words of each language, each list from zero upwards
     */
    static Optional<BigDecimal> parse(String text, int decimals, List<List<String>> words) {
        String typed = ABOUT.matcher(text.strip()).replaceFirst("").strip();
        if (typed.endsWith(".") && typed.length() > 1) {
            typed = typed.substring(0, typed.length() - 1).strip();
        }
        if (SPACED_THOUSANDS.matcher(typed).matches()) {
            typed = typed.replace(" ", "");
        }
        Matcher matcher = NUMBER.matcher(typed);
        if (matcher.matches()) {
            return digits(matcher.group(2), decimals).map(n -> matcher.group(1).equals("-") ? n.negate() : n);
        }
        return word(typed, words);
    }

    /** The value of a number word ("zeven", "seven", "tien"), if {@code text} is one. */
    static Optional<BigDecimal> word(String text, List<List<String>> words) {
        String typed = TextMatcher.normalise(text);
        for (List<String> language : words) {
            for (int i = 0; i < language.size(); i++) {
                if (TextMatcher.normalise(language.get(i)).equals(typed)) {
                    return Optional.of(BigDecimal.valueOf(i));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<BigDecimal> digits(String digits, int decimals) {
        int dots = count(digits, '.');
        int commas = count(digits, ',');
        String plain;
        if (dots > 0 && commas > 0) {
            char decimal = digits.lastIndexOf('.') > digits.lastIndexOf(',') ? '.' : ',';
            char thousands = decimal == '.' ? ',' : '.';
            if (count(digits, decimal) > 1) {
                return Optional.empty();
            }
            String whole = digits.substring(0, digits.indexOf(decimal));
            if (!groupedThousands(whole, thousands)) {
                return Optional.empty();
            }
            plain = whole.replace(String.valueOf(thousands), "") + "." + digits.substring(digits.indexOf(decimal) + 1);
        } else if (dots + commas > 1) {
            char separator = dots > 0 ? '.' : ',';
            if (!groupedThousands(digits, separator)) {
                return Optional.empty();
            }
            plain = digits.replace(String.valueOf(separator), "");
        } else if (dots + commas == 1) {
            int at = Math.max(digits.indexOf('.'), digits.indexOf(','));
            String before = digits.substring(0, at);
            String after = digits.substring(at + 1);
            if (after.isEmpty()) {
                return Optional.empty();
            }
            boolean thousands = after.length() == 3 && before.length() <= 3 && decimals < 3;
            plain = thousands ? before + after : before + "." + after;
        } else {
            plain = digits;
        }
        try {
            return Optional.of(new BigDecimal(plain));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean groupedThousands(String digits, char separator) {
        return digits.matches("\\d{1,3}(?:" + Pattern.quote(String.valueOf(separator)) + "\\d{3})+");
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(ch -> ch == c).count();
    }

    /** The number as written in {@code language}: a decimal comma in Dutch, a point otherwise; no grouping. */
    static String format(BigDecimal value, String language) {
        String plain = value.stripTrailingZeros().toPlainString();
        return "nl".equals(language.toLowerCase(Locale.ROOT)) ? plain.replace('.', ',') : plain;
    }
}
