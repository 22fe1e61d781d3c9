package nl.peilbot.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import nl.peilbot.aggregation.CodedTable;
import nl.peilbot.aggregation.Distribution;
import nl.peilbot.aggregation.NumberTable;
import nl.peilbot.aggregation.RatingTable;
import nl.peilbot.aggregation.UnitCombinations;
import nl.peilbot.aggregation.Overview;
import nl.peilbot.aggregation.CountedFieldTable;
import nl.peilbot.aggregation.Unit;
import nl.peilbot.aggregation.UnknownResultException;

/**
 * A question's block (text, options, chart, table) and a comparison across waves, as XHTML. Texts of the frame
 * (column heads, "n =") come from the message bundle, the question's texts from the wave's flow.
 */
final class Blocks {

    private final WaveData.Source source;
    private final Map<String, String> texts;
    private final String units;
    private final String counted;

    /** @param counted the heading of an open list's counted-field column (e.g. "Specialisme of proces") */
    Blocks(WaveData.Source source, Map<String, String> texts, String units, String counted) {
        this.source = source;
        this.texts = texts;
        this.units = units;
        this.counted = counted;
    }

    String render(Expression expression) {
        try {
            if (expression instanceof Expression.CompareBlock compare) {
                return compare(compare);
            }
            return question((Expression.QuestionBlock) expression);
        } catch (UnknownResultException e) {
            throw new TemplateException(e.getMessage());
        }
    }

    private String question(Expression.QuestionBlock block) {
        WaveData wave = source.current();
        String kind = Figures.kind(wave, block.question());
        Overview.QuestionSummary summary = summary(wave, block.question());
        StringBuilder html = new StringBuilder("<section class=\"question\" id=\"q-").append(Html.escape(block.question()))
                .append(block.part() == null ? "" : "-" + Html.escape(block.part())).append("\">");
        html.append("<p class=\"question-text\">").append(Html.escape(summary.text())).append("</p>");
        if (kind.endsWith("choice")) {
            choice(html, wave, block, kind);
        } else if (kind.equals("open-list")) {
            list(html, wave.counted(block.question()));
        } else if (kind.equals("rating")) {
            rating(html, wave.rating(block.question()));
        } else if (kind.equals("number")) {
            number(html, wave.number(block.question()));
        } else if (kind.equals("open-parts") && block.part() == null) {
            parts(html, wave, summary);
        } else {
            coded(html, Figures.coded(wave, block.question(), block.part()));
        }
        published(html, wave);
        return html.append("</section>").toString();
    }

    private void choice(StringBuilder html, WaveData wave, Expression.QuestionBlock block, String kind) {
        Unit unit = block.byUnits() ? Unit.UNITS : Unit.RESPONDENTS;
        Distribution distribution = wave.distribution(block.question(), unit);
        html.append("<p class=\"options\">").append(Html.escape(text("options") + ": " + distribution.counts().stream()
                .map(Distribution.Count::label).collect(Collectors.joining(", ")))).append("</p>");
        List<Charts.Bar> bars = distribution.counts().stream()
                .map(c -> new Charts.Bar(c.label(), kind.equals("single-choice") ? c.percent() + "%" : c.count()
                        + " (" + c.percent() + "%)", c.count())).toList();
        if (kind.equals("single-choice")) {
            html.append(Charts.fullBar(bars.stream().filter(b -> b.share() > 0).toList(), distribution.text()));
        } else {
            html.append(Charts.horizontalBars(bars, distribution.text()));
        }
        table(html, base(distribution.base(), block.byUnits()), List.of(text("answer"), text("count"), "%"),
                distribution.counts().stream().map(c -> List.of(c.label(), Integer.toString(c.count()), c.percent() + "%"))
                        .toList());
        if (!distribution.otherTexts().isEmpty()) {
            html.append("<p class=\"other\">").append(Html.escape(text("otherTexts") + ": " + distribution.otherTexts()
                    .stream().map(Distribution.OtherText::text).collect(Collectors.joining("; ")))).append("</p>");
        }
        if (block.byUnits() && kind.equals("multiple-choice")) {
            UnitCombinations combinations = wave.combinations(block.question());
            List<UnitCombinations.Combination> rows = combinations.combinations();
            html.append(Charts.horizontalBars(rows.stream().map(c -> new Charts.Bar(String.join(" + ", c.labels()),
                    c.units() + " (" + c.percent() + "%)", c.units())).toList(), distribution.text()));
            table(html, base(combinations.units(), true), List.of(text("combination"), units, "%"),
                    rows.stream().map(c -> List.of(String.join(" + ", c.labels()), Integer.toString(c.units()),
                            c.percent() + "%")).toList());
        }
    }

    private void coded(StringBuilder html, CodedTable table) {
        List<CodedTable.Category> categories = table.categories().stream()
                .sorted(Comparator.comparingInt(CodedTable.Category::count).reversed()).toList();
        html.append(Charts.horizontalBars(categories.stream().filter(c -> c.count() > 0)
                .map(c -> new Charts.Bar(c.label(), Integer.toString(c.count()), c.count())).toList(), table.questionId()));
        table(html, text("answers") + " = " + table.answered(), List.of(text("category"), text("frequency"), "%"),
                categories.stream().map(c -> List.of(c.label(), Integer.toString(c.count()), c.percent() + "%")).toList());
    }

    /** Every point of the scale with its count and percent, and the mean. */
    private void rating(StringBuilder html, RatingTable table) {
        table(html, base(table.answered(), false) + (table.mean() == null ? ""
                        : ", " + text("mean") + " " + table.mean().toPlainString()),
                List.of(text("point"), text("count"), "%"),
                table.points().stream().map(p -> List.of(pointLabel(table, p.value()), Integer.toString(p.count()),
                        p.percent() + "%")).toList());
    }

    private static String pointLabel(RatingTable table, int value) {
        String label = value == table.min() ? table.minLabel() : value == table.max() ? table.maxLabel() : null;
        return label == null ? Integer.toString(value) : value + " (" + label + ")";
    }

    /** The mean, the lowest, the quartiles and the highest, in the question's unit ("–" without answers). */
    private void number(StringBuilder html, NumberTable table) {
        List<String> names = List.of("mean", "min", "lowerQuartile", "median", "upperQuartile", "max");
        List<BigDecimal> values = Arrays.asList(table.mean(), table.min(), table.lowerQuartile(), table.median(),
                table.upperQuartile(), table.max());
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            BigDecimal value = values.get(i);
            rows.add(List.of(text(names.get(i)), value == null ? "–"
                    : value.toPlainString() + (table.unit() == null ? "" : " " + table.unit())));
        }
        table(html, base(table.answered(), false), List.of(text("statistic"), text("value")), rows);
    }

    private void parts(StringBuilder html, WaveData wave, Overview.QuestionSummary summary) {
        List<CodedTable> tables = summary.parts().stream().map(part -> wave.coded(summary.id(), part)).toList();
        List<String> heads = new ArrayList<>(List.of(text("category")));
        tables.forEach(t -> heads.add(text("frequency") + " (" + texts.getOrDefault("part." + summary.id() + ":" + t.part(), t.part()) + ")"));
        CodedTable first = tables.get(0);
        List<List<String>> rows = first.categories().stream()
                .sorted(Comparator.comparingInt(CodedTable.Category::count).reversed())
                .map(category -> {
                    List<String> row = new ArrayList<>(List.of(category.label()));
                    tables.forEach(t -> row.add(Integer.toString(t.categories().stream()
                            .filter(c -> c.code().equals(category.code())).mapToInt(CodedTable.Category::count).sum())));
                    return row;
                }).toList();
        html.append(Charts.horizontalBars(first.categories().stream().filter(c -> c.count() > 0)
                .sorted(Comparator.comparingInt(CodedTable.Category::count).reversed())
                .map(c -> new Charts.Bar(c.label(), Integer.toString(c.count()), c.count())).toList(), summary.text()));
        table(html, text("answers") + " = " + first.answered(), heads, rows);
    }

    private void list(StringBuilder html, CountedFieldTable table) {
        html.append(Charts.horizontalBars(table.rows().stream()
                .map(s -> new Charts.Bar(s.label(), s.entries() + " (" + s.percent() + "%)", s.entries())).toList(),
                table.questionId()));
        table(html, text("entries") + " = " + table.entries() + ", " + text("respondents") + " = " + table.respondents()
                        + ", " + units + " = " + table.units(),
                List.of(counted, text("entries"), "%", units),
                table.rows().stream().map(s -> List.of(s.label(), Integer.toString(s.entries()), s.percent() + "%",
                        Integer.toString(s.units()))).toList());
    }

    private String compare(Expression.CompareBlock block) {
        List<WaveData> waves = new ArrayList<>();
        block.waves().forEach(w -> waves.add(source.wave(w)));
        waves.add(source.current());
        Unit unit = block.byUnits() ? Unit.UNITS : Unit.RESPONDENTS;
        List<Distribution> distributions = new ArrayList<>();
        for (WaveData wave : waves) {
            if (!Figures.kind(wave, block.question()).endsWith("choice")) {
                throw new TemplateException("'compare' needs a choice question, '" + block.question() + "' is not one");
            }
            distributions.add(wave.distribution(block.question(), unit));
        }
        Distribution last = distributions.get(distributions.size() - 1);
        StringBuilder html = new StringBuilder("<section class=\"compare\" id=\"compare-")
                .append(Html.escape(block.question())).append("\">");
        html.append("<p class=\"question-text\">").append(Html.escape(last.text())).append("</p>");
        List<String> heads = new ArrayList<>(List.of(text("answer")));
        waves.forEach(w -> heads.add(w.label() + (w.published() ? " *" : "")));
        List<List<String>> rows = new ArrayList<>();
        List<Charts.Bar> bars = new ArrayList<>();
        for (Distribution.Count option : last.counts()) {
            List<String> row = new ArrayList<>(List.of(option.label()));
            for (int i = 0; i < waves.size(); i++) {
                Distribution.Count count = distributions.get(i).counts().stream()
                        .filter(c -> c.code().equals(option.code())).findFirst()
                        .orElse(waves.get(i).published() ? null
                                : new Distribution.Count(option.code(), option.label(), 0, 0));
                if (count == null) {
                    row.add("–");
                    continue;
                }
                row.add(count.count() + " (" + count.percent() + "%)");
                bars.add(new Charts.Bar(option.label() + " – " + waves.get(i).label()
                        + (waves.get(i).published() ? " *" : ""), count.percent() + "%", count.percent()));
            }
            rows.add(row);
        }
        html.append(Charts.horizontalBars(bars, last.text()));
        String base = waves.stream().map(w -> w.label() + ": n = " + distributions.get(waves.indexOf(w)).base())
                .collect(Collectors.joining(", ")) + (block.byUnits() ? " " + units : "");
        table(html, base, heads, rows);
        if (waves.stream().anyMatch(WaveData::published)) {
            html.append("<p class=\"published\">* ").append(Html.escape(text("published"))).append("</p>");
        }
        return html.append("</section>").toString();
    }

    private void published(StringBuilder html, WaveData wave) {
        if (wave.published()) {
            html.append("<p class=\"published\">").append(Html.escape(text("published"))).append("</p>");
        }
    }

    private String base(int base, boolean byUnits) {
        return "n = " + base + " " + (byUnits ? units : text("respondents"));
    }

    private static void table(StringBuilder html, String caption, List<String> heads, List<List<String>> rows) {
        html.append("<table><caption>").append(Html.escape(caption)).append("</caption><thead><tr>");
        for (int i = 0; i < heads.size(); i++) {
            html.append(i == 0 ? "<th>" : "<th class=\"number\">").append(Html.escape(heads.get(i))).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            html.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                html.append(i == 0 ? "<td>" : "<td class=\"number\">").append(Html.escape(row.get(i))).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
    }

    private static Overview.QuestionSummary summary(WaveData wave, String question) {
        return wave.overview().questions().stream().filter(q -> q.id().equals(question)).findFirst()
                .orElseThrow(() -> new TemplateException("no question '" + question + "'"));
    }

    private String text(String key) {
        return texts.getOrDefault(key, key);
    }
}
