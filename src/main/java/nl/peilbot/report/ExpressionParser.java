package nl.peilbot.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.peilbot.report.Expression.Selector;

/**
 * Reads the text between {@code {{ }}} of a template (docs/report.md has the syntax). Only the form is checked
 * here; whether a question, option or category exists is the evaluator's business.
 */
final class ExpressionParser {

    private static final Pattern TOKEN = Pattern.compile("\"([^\"]*)\"|(\\S+)");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern WAVE = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");

    private ExpressionParser() {
    }

    static Expression parse(String source) {
        List<String> tokens = tokens(source);
        if (tokens.isEmpty()) {
            throw new TemplateException("empty placeholder");
        }
        Tail tail = new Tail(tokens.subList(1, tokens.size()));
        Expression expression = switch (tokens.get(0)) {
            case "count", "percent" -> figure(tokens.get(0).equals("percent"), tail);
            case "top" -> top(tail);
            case "question" -> {
                String[] path = path(tail.next("a question id"), 2);
                yield new Expression.QuestionBlock(path[0], path.length > 1 ? path[1] : null, tail.byUnits());
            }
            case "compare" -> compare(tail);
            default -> throw new TemplateException("unknown placeholder '" + tokens.get(0)
                    + "' (count, percent, top, question or compare)");
        };
        tail.end();
        return expression;
    }

    private static Expression figure(boolean percent, Tail tail) {
        String first = tail.next("what to count");
        Selector selector = switch (first) {
            case "respondents" -> new Selector.Total();
            case "units" -> {
                tail.units = true;
                yield new Selector.Total();
            }
            case "answered" -> new Selector.Answered(id(tail.next("a question id")));
            case "active" -> new Selector.Active(id(tail.next("a question id")));
            case "entries" -> new Selector.Entries(id(tail.next("a question id")));
            default -> selector(first, tail);
        };
        boolean byUnits = tail.byUnits() || tail.units;
        String wave = tail.in();
        if (percent && (selector instanceof Selector.Total || selector instanceof Selector.Entries)) {
            throw new TemplateException("a percent of '" + first + "' has no base");
        }
        return new Expression.Figure(percent, selector, byUnits, wave);
    }

    private static Selector selector(String token, Tail tail) {
        int equals = token.indexOf('=');
        int tilde = token.indexOf('~');
        if (equals > 0) {
            String question = id(token.substring(0, equals));
            if (token.startsWith("==", equals)) {
                return new Selector.Combination(question, codes(token.substring(equals + 2).split("&", -1)));
            }
            String options = token.substring(equals + 1);
            if (options.contains("&")) {
                throw new TemplateException("'" + token + "': a combination is written " + question + "=="
                        + options + ", options to add up " + question + "=" + options.replace('&', '+'));
            }
            return new Selector.Options(question, codes(options.split("\\+", -1)));
        }
        if (tilde > 0) {
            String name = token.substring(tilde + 1);
            if (name.isEmpty()) {
                name = tail.next("a category or value of the counted field after '~'");
            }
            return new Selector.Counted(id(token.substring(0, tilde)), name);
        }
        if (token.contains(":")) {
            String[] path = path(token, 3);
            if (path.length == 2) {
                return new Selector.Category(path[0], null, path[1]);
            }
            return new Selector.Category(path[0], path[1], path[2]);
        }
        throw new TemplateException("'" + token + "' names no figure (question=option, question:category, "
                + "question~category, answered/active/entries question, respondents or units)");
    }

    private static Expression top(Tail tail) {
        String n = tail.next("how many (top 3 question)");
        int count;
        try {
            count = Integer.parseInt(n);
        } catch (NumberFormatException e) {
            throw new TemplateException("'top' needs a number, not '" + n + "'");
        }
        if (count < 1) {
            throw new TemplateException("'top' needs a number of at least 1");
        }
        String[] path = path(tail.next("a question id"), 2);
        return new Expression.Top(count, path[0], path.length > 1 ? path[1] : null);
    }

    private static Expression compare(Tail tail) {
        String question = id(tail.next("a question id"));
        if (!"with".equals(tail.next("'with' and the earlier waves"))) {
            throw new TemplateException("'compare' reads: compare question with survey/wave[,survey/wave]");
        }
        List<String> waves = Arrays.stream(tail.next("the earlier waves").split(",")).map(ExpressionParser::wave).toList();
        return new Expression.CompareBlock(question, waves, tail.byUnits());
    }

    private static String[] path(String token, int max) {
        String[] parts = token.split(":", -1);
        if (parts.length > max) {
            throw new TemplateException("'" + token + "' has too many parts");
        }
        Arrays.stream(parts).forEach(ExpressionParser::id);
        return parts;
    }

    private static List<String> codes(String[] codes) {
        return Arrays.stream(codes).map(ExpressionParser::id).toList();
    }

    private static String id(String id) {
        if (!ID.matcher(id).matches()) {
            throw new TemplateException("'" + id + "' is no question, option or category id");
        }
        return id;
    }

    private static String wave(String wave) {
        if (!WAVE.matcher(wave).matches()) {
            throw new TemplateException("'" + wave + "' is no wave (survey/wave, e.g. my-survey-2019/2019)");
        }
        return wave;
    }

    private static List<String> tokens(String source) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(source);
        while (matcher.find()) {
            tokens.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
        }
        return tokens;
    }

    /** The tokens after the keyword, read left to right, with the optional {@code by units} and {@code in WAVE}. */
    private static final class Tail {

        private final List<String> tokens;
        private int next;
        private boolean units;

        Tail(List<String> tokens) {
            this.tokens = tokens;
        }

        String next(String expected) {
            if (next >= tokens.size()) {
                throw new TemplateException("expected " + expected);
            }
            return tokens.get(next++);
        }

        boolean byUnits() {
            if (next + 1 < tokens.size() && tokens.get(next).equals("by") && tokens.get(next + 1).equals("units")) {
                next += 2;
                return true;
            }
            if (next < tokens.size() && tokens.get(next).equals("by")) {
                throw new TemplateException("'by' is followed by 'units'");
            }
            return false;
        }

        String in() {
            if (next < tokens.size() && tokens.get(next).equals("in")) {
                next++;
                return wave(next("a wave after 'in'"));
            }
            return null;
        }

        void end() {
            if (next < tokens.size()) {
                throw new TemplateException("unexpected '" + tokens.get(next) + "'");
            }
        }
    }
}
