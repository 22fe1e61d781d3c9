package nl.peilbot.aggregation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A counter of a {@link Tally}. Each kind of counter is one record, so a table asks for "the units that chose
 * this code" by type rather than by a string built by convention; {@link #path()} is the one place that renders
 * a key as the stored counter name.
 *
 * <p>Stored names are paths of question ids, option codes and normalised texts, none of which contain '/'; a
 * key's children (for {@link Tally#below(TallyKey)}) are the counters one segment longer. The short prefixes are
 * the stored format and stay as they are ({@code h…} once meant hospital; it means the unit of analysis).
 */
sealed interface TallyKey {

    List<String> segments();

    default String path() {
        return String.join("/", segments());
    }

    /** Respondents. */
    record Respondents() implements TallyKey {
        public List<String> segments() {
            return List.of("n");
        }
    }

    /** The family of every unit's respondents: its children are the units. */
    record Units() implements TallyKey {
        public List<String> segments() {
            return List.of("hn");
        }
    }

    /** Respondents of one unit. */
    record UnitRespondents(String unit) implements TallyKey {
        public List<String> segments() {
            return List.of("hn", unit);
        }
    }

    /** Respondents who answered a choice question; its children are the codes chosen. */
    record Answered(String question) implements TallyKey {
        public List<String> segments() {
            return List.of("c", question);
        }
    }

    /** Respondents who chose a code. */
    record Chose(String question, String code) implements TallyKey {
        public List<String> segments() {
            return List.of("c", question, code);
        }
    }

    /** The family of the codes a unit's respondents chose at a question. */
    record UnitAnswered(String unit, String question) implements TallyKey {
        public List<String> segments() {
            return List.of("hc", unit, question);
        }
    }

    /** Respondents of a unit who chose a code. */
    record UnitChose(String unit, String question, String code) implements TallyKey {
        public List<String> segments() {
            return List.of("hc", unit, question, code);
        }
    }

    /** Respondents who answered both choice questions of a pair ({@code first} sorts before {@code second}). */
    record PairAnswered(String first, String second) implements TallyKey {
        public List<String> segments() {
            return List.of("x", first, second);
        }
    }

    /** Respondents who chose {@code firstCode} at the first question of a pair and {@code secondCode} at the second. */
    record PairChose(String first, String second, String firstCode, String secondCode) implements TallyKey {
        public List<String> segments() {
            return List.of("x", first, second, firstCode, secondCode);
        }
    }

    /** The family of the first question's codes among those who answered both; children are codes. */
    record FirstMargin(String first, String second) implements TallyKey {
        public List<String> segments() {
            return List.of("x1", first, second);
        }

        TallyKey code(String code) {
            return new Code(this, code);
        }
    }

    /** The family of the second question's codes among those who answered both; children are codes. */
    record SecondMargin(String first, String second) implements TallyKey {
        public List<String> segments() {
            return List.of("x2", first, second);
        }

        TallyKey code(String code) {
            return new Code(this, code);
        }
    }

    /** One code below a margin family. */
    record Code(TallyKey family, String code) implements TallyKey {
        public List<String> segments() {
            return concat(family.segments(), code);
        }
    }

    /** Open answers given to an answer key (question, or {@code question:part}); its children are categories. */
    record OpenAnswered(String answerKey) implements TallyKey {
        public List<String> segments() {
            return List.of("o", answerKey);
        }
    }

    /** Open answers an analyst coded. */
    record OpenCoded(String answerKey) implements TallyKey {
        public List<String> segments() {
            return List.of("oc", answerKey);
        }
    }

    /** Open answers coded with a category. */
    record OpenCategory(String answerKey, String category) implements TallyKey {
        public List<String> segments() {
            return List.of("o", answerKey, category);
        }
    }

    /** Respondents with at least one entry in an open list; its children are the counted keys. */
    record Listed(String question) implements TallyKey {
        public List<String> segments() {
            return List.of("e", question);
        }
    }

    /** Entries of an open list. */
    record Entries(String question) implements TallyKey {
        public List<String> segments() {
            return List.of("en", question);
        }
    }

    /** Entries of an open list counted under one key (a category or a normalised text). */
    record Counted(String question, String key) implements TallyKey {
        public List<String> segments() {
            return List.of("e", question, key);
        }
    }

    /** Respondents who listed at least one entry under this key; kept only when the flow declares no unit. */
    record RespondentCounted(String question, String key) implements TallyKey {
        public List<String> segments() {
            return List.of("er", question, key);
        }
    }

    /** The family of the option sets respondents chose in a choice question, kept only when the flow declares no unit. */
    record Combinations(String question) implements TallyKey {
        public List<String> segments() {
            return List.of("cs", question);
        }
    }

    /** Respondents who chose exactly this set of codes ({@link Tally#fieldSafe field-safe}, joined by {@code +}). */
    record Combination(String question, List<String> codes) implements TallyKey {
        public List<String> segments() {
            return List.of("cs", question, codes.stream().map(Tally::fieldSafe).map(c -> c.replace("+", "%2B"))
                    .sorted().reduce((a, b) -> a + "+" + b).orElse(""));
        }

        /** The codes of a {@link Combinations} child segment. */
        static List<String> codes(String segment) {
            return segment.isEmpty() ? List.of() : Arrays.stream(segment.split("\\+"))
                    .map(c -> Tally.fromFieldSafe(c.replace("%2B", "+"))).toList();
        }
    }

    /** The family of one unit's counted keys in an open list. */
    record UnitListed(String unit, String question) implements TallyKey {
        public List<String> segments() {
            return List.of("he", unit, question);
        }
    }

    /** A unit's entries counted under one key. */
    record UnitCounted(String unit, String question, String key) implements TallyKey {
        public List<String> segments() {
            return List.of("he", unit, question, key);
        }
    }

    /** The family of the spellings typed for one counted key; children are {@link Tally#fieldSafe field-safe} texts. */
    record Spellings(String question, String key) implements TallyKey {
        public List<String> segments() {
            return List.of("sp", question, key);
        }
    }

    /** Entries of a counted key typed exactly so. */
    record Spelling(String question, String key, String text) implements TallyKey {
        public List<String> segments() {
            return List.of("sp", question, key, Tally.fieldSafe(text));
        }
    }

    /** Respondents who gave a rating or number question a value; its children are the values given. */
    record Valued(String question) implements TallyKey {
        public List<String> segments() {
            return List.of("v", question);
        }
    }

    /**
     * Respondents who gave a rating or number question this value ({@link Tally#fieldSafe field-safe} plain decimal).
     * A number question adds a counter per distinct value given, at most the values its bounds and decimals allow.
     */
    record Value(String question, String value) implements TallyKey {
        public List<String> segments() {
            return List.of("v", question, Tally.fieldSafe(value));
        }
    }

    private static List<String> concat(List<String> segments, String last) {
        List<String> all = new ArrayList<>(segments);
        all.add(last);
        return List.copyOf(all);
    }
}
