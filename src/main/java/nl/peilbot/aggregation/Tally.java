package nl.peilbot.aggregation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The counters of one wave, as a sum of contributions: adding a contribution and taking it out again leaves the
 * tally as it was, so the incremental path and a rebuild end in equal tallies. Its size depends on the flow and the
 * number of distinct hospitals and specialisms, never on the number of responses; the texts themselves are listed
 * from the contributions ({@link TextLists}).
 *
 * <p>Counter keys are paths of question ids, option codes and normalised texts, none of which contain '/':
 * <ul>
 *   <li>{@code n}: respondents; {@code hn/<hospital>}: respondents of a hospital</li>
 *   <li>{@code c/<q>}: respondents who answered choice question q; {@code c/<q>/<code>}: who chose code;
 *       {@code hc/<hospital>/<q>/<code>}: respondents of the hospital who chose it</li>
 *   <li>{@code x/<q1>/<q2>}: respondents who answered both (q1 &lt; q2); {@code x/<q1>/<q2>/<c1>/<c2>}: who chose
 *       both codes; {@code x1/<q1>/<q2>/<c1>} and {@code x2/<q1>/<q2>/<c2>}: the margins among them</li>
 *   <li>{@code o/<key>}: open answers given; {@code oc/<key>}: of them coded; {@code o/<key>/<category>}: coded so</li>
 *   <li>{@code e/<q>}: respondents with entries; {@code en/<q>}: entries; {@code e/<q>/<specialism>}: entries of
 *       a specialism; {@code he/<hospital>/<q>/<specialism>}: of the hospital;
 *       {@code sp/<q>/<specialism>/<spelling>}: entries typed so ({@link #fieldSafe(String) made field-safe})</li>
 *   <li>{@code v/<q>}: respondents who gave rating or number question q a value; {@code v/<q>/<value>}: who gave that
 *       value (field-safe plain decimal). A number question adds a counter per distinct value given, at most the
 *       values its bounds and decimals allow.</li>
 * </ul>
 */
record Tally(SortedMap<String, Integer> counters) {

    static final Tally EMPTY = new Tally(new TreeMap<>());

    Tally {
        counters = new TreeMap<>(counters);
    }

    static Tally of(Collection<Contribution> contributions) {
        Accumulator sum = new Accumulator(EMPTY);
        contributions.forEach(c -> sum.apply(c, 1));
        return sum.tally();
    }

    /** This tally with {@code previous} taken out and {@code next} added; either may be null. */
    Tally replacing(Contribution previous, Contribution next) {
        Accumulator sum = new Accumulator(this);
        if (previous != null) {
            sum.apply(previous, -1);
        }
        if (next != null) {
            sum.apply(next, 1);
        }
        return sum.tally();
    }

    int count(String key) {
        return counters.getOrDefault(key, 0);
    }

    /** The counters directly below {@code path}, by their last key segment. */
    SortedMap<String, Integer> below(String path) {
        String prefix = path + "/";
        SortedMap<String, Integer> below = new TreeMap<>();
        counters.subMap(prefix, prefix + Character.MAX_VALUE).forEach((key, count) -> {
            String rest = key.substring(prefix.length());
            if (rest.indexOf('/') < 0) {
                below.put(rest, count);
            }
        });
        return below;
    }

    /** A free text as a counter key segment: '%', '/', '.', '$' and NUL percent-encoded, so it can be a field name. */
    static String fieldSafe(String text) {
        return text.replace("%", "%25").replace("/", "%2F").replace(".", "%2E").replace("$", "%24")
                .replace("\u0000", "%00");
    }

    /** The text {@link #fieldSafe(String)} encoded. */
    static String fromFieldSafe(String segment) {
        return segment.replace("%00", "\u0000").replace("%2F", "/").replace("%2E", ".").replace("%24", "$").replace("%25", "%");
    }

    /** A running sum, for adding many contributions without copying the counters each time. */
    static final class Accumulator {

        private final TreeMap<String, Integer> counters;

        Accumulator(Tally start) {
            counters = new TreeMap<>(start.counters());
        }

        void apply(Contribution c, int sign) {
            String h = c.hospital();
            add("n", sign);
            add("hn/" + h, sign);
            c.choices().forEach((q, codes) -> {
                add("c/" + q, sign);
                codes.forEach(code -> {
                    add("c/" + q + "/" + code, sign);
                    add("hc/" + h + "/" + q + "/" + code, sign);
                });
            });
            pairs(c.choices(), sign);
            c.texts().forEach((key, open) -> {
                add("o/" + key, sign);
                if (!open.categories().isEmpty()) {
                    add("oc/" + key, sign);
                }
                open.categories().forEach(category -> add("o/" + key + "/" + category, sign));
            });
            c.numbers().forEach((q, value) -> {
                add("v/" + q, sign);
                add("v/" + q + "/" + fieldSafe(value), sign);
            });
            c.specialisms().forEach((q, entries) -> {
                add("e/" + q, sign);
                entries.forEach(text -> {
                    String specialism = Texts.key(text);
                    add("en/" + q, sign);
                    add("e/" + q + "/" + specialism, sign);
                    add("he/" + h + "/" + q + "/" + specialism, sign);
                    add("sp/" + q + "/" + specialism + "/" + fieldSafe(text), sign);
                });
            });
        }

        private void pairs(SortedMap<String, List<String>> choices, int sign) {
            List<String> questions = new ArrayList<>(choices.keySet());
            for (int i = 0; i < questions.size(); i++) {
                for (int j = i + 1; j < questions.size(); j++) {
                    String pair = questions.get(i) + "/" + questions.get(j);
                    add("x/" + pair, sign);
                    List<String> second = choices.get(questions.get(j));
                    for (String c1 : choices.get(questions.get(i))) {
                        add("x1/" + pair + "/" + c1, sign);
                        second.forEach(c2 -> add("x/" + pair + "/" + c1 + "/" + c2, sign));
                    }
                    second.forEach(c2 -> add("x2/" + pair + "/" + c2, sign));
                }
            }
        }

        private void add(String key, int delta) {
            int count = counters.getOrDefault(key, 0) + delta;
            if (count == 0) {
                counters.remove(key);
            } else {
                counters.put(key, count);
            }
        }

        Tally tally() {
            return new Tally(counters);
        }
    }
}
