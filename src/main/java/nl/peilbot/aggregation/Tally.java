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
 * number of distinct units and counted entries, never on the number of responses; the texts themselves are listed
 * from the contributions ({@link TextLists}). Counters are addressed by {@link TallyKey}s.
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

    int count(TallyKey key) {
        return counters.getOrDefault(key.path(), 0);
    }

    /** The counters directly below {@code family}, by their last key segment. */
    SortedMap<String, Integer> below(TallyKey family) {
        String prefix = family.path() + "/";
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
            String unit = c.unit();
            boolean units = !unit.isEmpty();
            add(new TallyKey.Respondents(), sign);
            if (units) {
                add(new TallyKey.UnitRespondents(unit), sign);
            }
            c.choices().forEach((q, codes) -> {
                add(new TallyKey.Answered(q), sign);
                codes.forEach(code -> {
                    add(new TallyKey.Chose(q, code), sign);
                    if (units) {
                        add(new TallyKey.UnitChose(unit, q, code), sign);
                    }
                });
                if (!units) {
                    add(new TallyKey.Combination(q, codes), sign);
                }
            });
            pairs(c.choices(), sign);
            c.texts().forEach((key, open) -> {
                add(new TallyKey.OpenAnswered(key), sign);
                if (!open.categories().isEmpty()) {
                    add(new TallyKey.OpenCoded(key), sign);
                }
                open.categories().forEach(category -> add(new TallyKey.OpenCategory(key, category), sign));
            });
            c.numbers().forEach((q, value) -> {
                add(new TallyKey.Valued(q), sign);
                add(new TallyKey.Value(q, value), sign);
            });
            c.counted().forEach((q, entries) -> {
                add(new TallyKey.Listed(q), sign);
                entries.forEach(entry -> {
                    add(new TallyKey.Entries(q), sign);
                    add(new TallyKey.Counted(q, entry.key()), sign);
                    if (units) {
                        add(new TallyKey.UnitCounted(unit, q, entry.key()), sign);
                    }
                    add(new TallyKey.Spelling(q, entry.key(), entry.text()), sign);
                });
                if (!units) {
                    entries.stream().map(Contribution.Entry::key).distinct()
                            .forEach(key -> add(new TallyKey.RespondentCounted(q, key), sign));
                }
            });
        }

        private void pairs(SortedMap<String, List<String>> choices, int sign) {
            List<String> questions = new ArrayList<>(choices.keySet());
            for (int i = 0; i < questions.size(); i++) {
                for (int j = i + 1; j < questions.size(); j++) {
                    String q1 = questions.get(i);
                    String q2 = questions.get(j);
                    add(new TallyKey.PairAnswered(q1, q2), sign);
                    List<String> second = choices.get(q2);
                    for (String c1 : choices.get(q1)) {
                        add(new TallyKey.FirstMargin(q1, q2).code(c1), sign);
                        second.forEach(c2 -> add(new TallyKey.PairChose(q1, q2, c1, c2), sign));
                    }
                    second.forEach(c2 -> add(new TallyKey.SecondMargin(q1, q2).code(c2), sign));
                }
            }
        }

        private void add(TallyKey counter, int delta) {
            String key = counter.path();
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
