package nl.peilbot.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import nl.peilbot.flow.QuestionKind;

/**
 * A typed number, whole or with the decimals the question allows, within its bounds; "3,5" and "3.5" alike, and
 * the unit may follow ("2350 patiënten"). Anything else is refused with a hint that says what is expected.
 */
final class NumberParser implements AnswerParser {

    private final QuestionKind.Numeric number;

    NumberParser(QuestionKind.Numeric number) {
        this.number = number;
    }

    @Override
    public ParsedAnswer text(ParseContext context, String text) {
        String typed = withoutUnit(context, text);
        Optional<BigDecimal> value = NumberText.parse(typed, number.decimals(), context.words().numbers());
        if (value.isEmpty()) {
            return new ParsedAnswer.Rejected("hint.number");
        }
        Optional<ParsedAnswer.Rejected> problem = problem(number, value.get());
        if (problem.isPresent()) {
            ParsedAnswer.Rejected rejected = problem.get();
            List<Object> arguments = rejected.arguments().stream()
                    .map(a -> a instanceof BigDecimal d ? (Object) NumberText.format(d, context.language()) : a).toList();
            return new ParsedAnswer.Rejected(rejected.hintKey(), arguments);
        }
        return new ParsedAnswer.Accepted(context.number(value.get().stripTrailingZeros().scale() < 0
                ? value.get().setScale(0) : value.get().stripTrailingZeros()));
    }

    @Override
    public ParsedAnswer choice(ParseContext context, String code) {
        return new ParsedAnswer.Rejected("hint.not.offered");
    }

    /** Why {@code value} is not accepted (too many decimals, out of bounds), if it is not. */
    static Optional<ParsedAnswer.Rejected> problem(QuestionKind.Numeric number, BigDecimal value) {
        if (value.stripTrailingZeros().scale() > number.decimals()) {
            return Optional.of(number.decimals() == 0 ? new ParsedAnswer.Rejected("hint.number.whole")
                    : new ParsedAnswer.Rejected("hint.number.decimals", List.of(String.valueOf(number.decimals()))));
        }
        boolean low = number.min() != null && value.compareTo(number.min()) < 0;
        boolean high = number.max() != null && value.compareTo(number.max()) > 0;
        if (!low && !high) {
            return Optional.empty();
        }
        if (number.min() != null && number.max() != null) {
            return Optional.of(new ParsedAnswer.Rejected("hint.number.range", List.of(number.min(), number.max())));
        }
        return Optional.of(low ? new ParsedAnswer.Rejected("hint.number.min", List.of(number.min()))
                : new ParsedAnswer.Rejected("hint.number.max", List.of(number.max())));
    }

    /** "2350 patiënten", "2,5 fte": the unit in any language of the flow may follow the number. */
    private String withoutUnit(ParseContext context, String text) {
        String typed = text.strip();
        if (number.unit() == null) {
            return typed;
        }
        for (String language : context.flow().languages()) {
            String unit = number.unit().in(language);
            if (!unit.isBlank() && typed.toLowerCase(java.util.Locale.ROOT).endsWith(unit.toLowerCase(java.util.Locale.ROOT))
                    && typed.length() > unit.length()) {
                return typed.substring(0, typed.length() - unit.length()).strip();
            }
        }
        return typed;
    }
}
