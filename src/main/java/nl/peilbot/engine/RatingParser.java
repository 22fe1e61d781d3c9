package nl.peilbot.engine;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.peilbot.flow.QuestionKind;

/**
 * A point of a rating scale, by button, digit ("7", "7/10", "7 van de 10", "7 out of 10"), number word ("zeven",
 * "seven") or the label of either end.
 */
final class RatingParser implements AnswerParser {

    private static final Pattern OUT_OF = Pattern.compile(
            "(\\d{1,2})\\s*(?:/|van de|van|uit|op|out of|of)\\s*(\\d{1,2})", Pattern.CASE_INSENSITIVE);

    private final QuestionKind.Rating rating;

    RatingParser(QuestionKind.Rating rating) {
        this.rating = rating;
    }

    @Override
    public ParsedAnswer text(ParseContext context, String text) {
        return value(context, text).filter(v -> onScale(rating, v))
                .<ParsedAnswer>map(v -> new ParsedAnswer.Accepted(context.number(v)))
                .orElseGet(() -> new ParsedAnswer.Rejected("hint.rating",
                        java.util.List.of(String.valueOf(rating.min()), String.valueOf(rating.max()))));
    }

    @Override
    public ParsedAnswer choice(ParseContext context, String code) {
        return text(context, code);
    }

    private Optional<BigDecimal> value(ParseContext context, String text) {
        String typed = text.strip().replaceFirst("[.!)]+$", "").strip();
        Matcher outOf = OUT_OF.matcher(typed);
        if (outOf.matches()) {
            return Integer.parseInt(outOf.group(2)) == rating.max()
                    ? Optional.of(new BigDecimal(outOf.group(1))) : Optional.empty();
        }
        if (typed.matches("\\d{1,2}")) {
            return Optional.of(new BigDecimal(typed));
        }
        Optional<BigDecimal> word = NumberText.word(typed, context.words().numbers());
        if (word.isPresent()) {
            return word;
        }
        for (String language : context.flow().languages()) {
            if (TextMatcher.isOneOf(typed, java.util.List.of(rating.minLabel().in(language)))) {
                return Optional.of(BigDecimal.valueOf(rating.min()));
            }
            if (TextMatcher.isOneOf(typed, java.util.List.of(rating.maxLabel().in(language)))) {
                return Optional.of(BigDecimal.valueOf(rating.max()));
            }
        }
        return Optional.empty();
    }

    static boolean onScale(QuestionKind.Rating rating, BigDecimal value) {
        return value.stripTrailingZeros().scale() <= 0
                && value.compareTo(BigDecimal.valueOf(rating.min())) >= 0
                && value.compareTo(BigDecimal.valueOf(rating.max())) <= 0;
    }
}
