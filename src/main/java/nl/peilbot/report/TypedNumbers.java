package nl.peilbot.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.peilbot.aggregation.CodedTable;
import nl.peilbot.aggregation.Distribution;
import nl.peilbot.aggregation.UnitCombinations;
import nl.peilbot.aggregation.Overview;
import nl.peilbot.aggregation.RatingTable;
import nl.peilbot.aggregation.CountedFieldTable;
import nl.peilbot.aggregation.Unit;
import nl.peilbot.aggregation.UnknownResultException;

/**
 * Finds the numbers typed by hand in a paragraph (percentages and "N van de M", placeholders left out) and tells
 * whether the figures of the paragraph's questions give them. "Meer dan 90%" (more than) holds when a figure is
 * above 90.
 */
final class TypedNumbers {

    private static final Pattern PERCENT = Pattern.compile(
            "(?iu)(?<!\\d)(?:(meer dan|ruim|more than|over)\\s+)?(\\d{1,3}(?:[.,]\\d+)?)\\s?%");
    private static final Pattern OUT_OF = Pattern.compile("(?iu)(?<!\\d)(\\d+)\\s+(?:van de|van|of the|of|out of)\\s+(\\d+)(?!\\d)");

    private final WaveData wave;

    TypedNumbers(WaveData wave) {
        this.wave = wave;
    }

    /** The typed numbers of one line of text whose placeholders were taken out, judged by the questions' figures. */
    List<TypedNumber> check(int line, String text, List<String> questions) {
        Known known = known(questions);
        List<TypedNumber> found = new ArrayList<>();
        Matcher outOf = OUT_OF.matcher(text);
        while (outOf.find()) {
            int count = Integer.parseInt(outOf.group(1));
            int base = Integer.parseInt(outOf.group(2));
            boolean matches = (known.counts.contains(count) || known.bases.contains(count)) && known.bases.contains(base);
            found.add(new TypedNumber(line, outOf.group(), matches ? TypedNumber.Verdict.MATCHES
                    : TypedNumber.Verdict.NO_MATCH, questions));
        }
        Matcher percent = PERCENT.matcher(text);
        while (percent.find()) {
            String number = percent.group(2).replace(',', '.');
            TypedNumber.Verdict verdict;
            if (known.labels.contains(number + "%")) {
                verdict = TypedNumber.Verdict.LABEL;
            } else if (number.contains(".")) {
                verdict = TypedNumber.Verdict.NO_MATCH;
            } else {
                int value = Integer.parseInt(number);
                boolean matches = percent.group(1) != null
                        ? known.percents.stream().anyMatch(p -> p > value)
                        : known.percents.contains(value);
                verdict = matches ? TypedNumber.Verdict.MATCHES : TypedNumber.Verdict.NO_MATCH;
            }
            found.add(new TypedNumber(line, percent.group().strip(), verdict, questions));
        }
        return found;
    }

    private Known known(List<String> questions) {
        Known known = new Known();
        Overview overview = wave.overview();
        known.bases.add(overview.respondents());
        known.bases.add(overview.units());
        List<String> ids = questions.isEmpty() ? overview.questions().stream().map(Overview.QuestionSummary::id).toList()
                : questions;
        for (String id : ids) {
            try {
                add(known, overview, id);
            } catch (UnknownResultException | TemplateException e) {
                // an unknown question is reported where it is named; here it just gives no figures
            }
        }
        return known;
    }

    private void add(Known known, Overview overview, String id) {
        Overview.QuestionSummary question = overview.questions().stream().filter(q -> q.id().equals(id)).findFirst()
                .orElseThrow(() -> new TemplateException("no question " + id));
        known.label(question.text());
        known.bases.add(question.answered());
        String kind = question.kind();
        if (kind.endsWith("choice")) {
            for (Unit unit : Unit.values()) {
                Distribution distribution = wave.distribution(id, unit);
                known.bases.add(distribution.base());
                distribution.counts().forEach(c -> {
                    known.counts.add(c.count());
                    known.percents.add(c.percent());
                    known.label(c.label());
                });
            }
            if (kind.equals("multiple-choice")) {
                UnitCombinations combinations = wave.combinations(id);
                known.counts.add(combinations.active());
                known.percents.add(Value.percent(combinations.active(), combinations.units()).number());
                known.bases.add(combinations.units());
                combinations.combinations().forEach(c -> {
                    known.counts.add(c.units());
                    known.percents.add(c.percent());
                });
            }
        } else if (kind.equals("open-list")) {
            CountedFieldTable table = wave.counted(id);
            known.counts.addAll(List.of(table.respondents(), table.units(), table.entries()));
            known.bases.addAll(List.of(table.respondents(), table.units(), table.entries()));
            table.rows().forEach(s -> {
                known.counts.add(s.entries());
                known.counts.add(s.units());
                known.percents.add(s.percent());
            });
        } else if (kind.equals("rating")) {
            RatingTable table = wave.rating(id);
            known.bases.add(table.answered());
            known.label(table.minLabel());
            known.label(table.maxLabel());
            known.counts.add(table.topScores());
            known.percents.add(table.topPercent());
            table.points().forEach(p -> {
                known.counts.add(p.count());
                known.percents.add(p.percent());
            });
            if (table.promoters() != null) {
                RatingTable.NetPromoter nps = table.promoters();
                known.counts.addAll(List.of(nps.promoters(), nps.passives(), nps.detractors()));
                known.percents.addAll(List.of(nps.promotersPercent(), nps.passivesPercent(), nps.detractorsPercent()));
            }
        } else if (kind.equals("open-text") || kind.equals("open-parts")) {
            List<String> parts = kind.equals("open-parts") ? question.parts() : java.util.Collections.singletonList(null);
            for (String part : parts) {
                CodedTable table = wave.coded(id, part);
                known.bases.add(table.answered());
                table.categories().forEach(c -> {
                    known.counts.add(c.count());
                    known.percents.add(c.percent());
                    known.label(c.label());
                });
            }
        }
    }

    private static final class Known {
        final Set<Integer> counts = new HashSet<>();
        final Set<Integer> percents = new HashSet<>();
        final Set<Integer> bases = new HashSet<>();
        final Set<String> labels = new HashSet<>();

        void label(String text) {
            Matcher matcher = PERCENT.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
            while (matcher.find()) {
                labels.add(matcher.group(2).replace(',', '.') + "%");
            }
        }
    }
}
