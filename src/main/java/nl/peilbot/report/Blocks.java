package nl.peilbot.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import nl.peilbot.aggregation.CodedTable;
import nl.peilbot.aggregation.CountedFieldTable;
import nl.peilbot.aggregation.Distribution;
import nl.peilbot.aggregation.NumberTable;
import nl.peilbot.aggregation.Overview;
import nl.peilbot.aggregation.RatingTable;
import nl.peilbot.aggregation.Unit;
import nl.peilbot.aggregation.UnitCombinations;
import nl.peilbot.aggregation.UnknownResultException;
import nl.peilbot.flow.QuestionKind;

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
        Overview.QuestionSummary summary = summary(wave, block.question());
        StringBuilder html = new StringBuilder("<section class=\"question\" id=\"q-").append(Html.escape(block.question()))
                .append(block.part() == null ? "" : "-" + Html.escape(block.part())).append("\">");
        html.append("<p class=\"question-text\">").append(Html.escape(summary.text())).append("</p>");
        // one case per question kind, so a new kind does not compile until it has its block
        wave.kind(block.question()).match(new QuestionKind.Cases<Void>() {
            @Override
            public Void singleChoice(QuestionKind.SingleChoice kind) {
                choice(html, wave, block, true);
                return null;
            }

            @Override
            public Void multipleChoice(QuestionKind.MultipleChoice kind) {
                choice(html, wave, block, false);
                return null;
            }

            @Override
            public Void openText(QuestionKind.OpenText kind) {
                coded(html, Figures.coded(wave, block.question(), block.part()));
                return null;
            }

            @Override
            public Void openParts(QuestionKind.OpenParts kind) {
                if (block.part() == null) {
                    parts(html, wave, summary);
                } else {
                    coded(html, Figures.coded(wave, block.question(), block.part()));
                }
                return null;
            }

            @Override
            public Void openList(QuestionKind.OpenList kind) {
                list(html, wave.counted(block.question()));
                return null;
            }

            @Override
            public Void rating(QuestionKind.Rating kind) {
                Blocks.this.rating(html, wave.rating(block.question()));
                return null;
            }

            @Override
            public Void number(QuestionKind.Numeric kind) {
                Blocks.this.number(html, wave.number(block.question()));
                return null;
            }
        });
        published(html, wave);
        return html.append("</section>").toString();
    }

    private void choice(StringBuilder html, WaveData wave, Expression.QuestionBlock block, boolean single) {
        Unit unit = block.byUnits() ? Unit.UNITS : Unit.RESPONDENTS;
        Distribution distribution = wave.distribution(block.question(), unit);
        html.append("<p class=\"options\">").append(Html.escape(text("options") + ": " + distribution.counts().stream()
                .map(Distribution.Count::label).collect(Collectors.joining(" \u00b7 ")))).append("</p>");
        List<Charts.Bar> bars = distribution.counts().stream()
                .map(c -> new Charts.Bar(c.label(), single ? c.percent() + "%" : c.count()
                        + " (" + c.percent() + "%)", c.count())).toList();
        if (single) {
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
        if (block.byUnits() && !single) {
            UnitCombinations combinations = wave.combinations(block.question());
            List<UnitCombinations.Combination> rows = combinations.combinations();
            html.append(Charts.horizontalBars(rows.stream().map(c -> new Charts.Bar(String.join(" + ", c.labels()),
                    c.units() + " (" + c.percent() + "%)", c.units())).toList(), distribution.text()));
            table(html, base(combinations.units(), true), List.of(text("combination"), units, "%"),
                    rows.stream().map(c -> List.of(String.join(" + ", c.labels()), Integer.toString(c.units()),
                            c.percent() + "%")).toList());
        }
    }

    /**
     * A rating: the scale with its labelled ends, a column per point, the mean and the share of the two top points;
     * on a 0–10 scale (the flow's Net Promoter scale) also promoters, passives, detractors and the score.
     */
    private void rating(StringBuilder html, RatingTable table) {
        html.append("<p class=\"options\">").append(Html.escape(text("ratingScale") + ": " + table.min() + " (" + table.minLabel()
                + ") \u2013 " + table.max() + " (" + table.maxLabel() + ")")).append("</p>");
        html.append(Charts.columns(table.points().stream().map(p -> new Charts.Bar(Integer.toString(p.value()),
                p.count() + " (" + p.percent() + "%)", p.count())).toList(), table.minLabel(), table.maxLabel(), table.text()));
        List<String> facts = new ArrayList<>(List.of(base(table.answered(), false),
                text("mean") + " " + decimal(table.mean()),
                text("topScores") + " (" + (table.max() - 1) + "\u2013" + table.max() + "): " + table.topScores()
                        + " (" + table.topPercent() + "%)"));
        RatingTable.NetPromoter nps = table.promoters();
        if (nps != null) {
            facts.add(text("promoters") + " (9\u201310): " + nps.promoters() + " (" + nps.promotersPercent() + "%)");
            facts.add(text("passives") + " (7\u20138): " + nps.passives() + " (" + nps.passivesPercent() + "%)");
            facts.add(text("detractors") + " (0\u20136): " + nps.detractors() + " (" + nps.detractorsPercent() + "%)");
            facts.add("NPS " + (nps.score() > 0 ? "+" : "") + nps.score());
        }
        html.append("<p class=\"meta\">").append(Html.escape(String.join(" \u00b7 ", facts))).append("</p>");
        table(html, base(table.answered(), false), List.of(text("point"), text("count"), "%"),
                table.points().stream().map(p -> List.of(p.value() + (p.value() == table.min() ? " \u2013 " + table.minLabel()
                        : p.value() == table.max() ? " \u2013 " + table.maxLabel() : ""), Integer.toString(p.count()),
                        p.percent() + "%")).toList());
    }

    /** A number: how many answered, mean, median and quartiles as a table, and a box plot of the five numbers. */
    private void number(StringBuilder html, NumberTable table) {
        String unit = table.unit() == null ? "" : " " + table.unit();
        if (table.answered() > 0) {
            html.append(Charts.boxPlot(new Charts.Box(table.min().doubleValue(), table.lowerQuartile().doubleValue(),
                    table.median().doubleValue(), table.upperQuartile().doubleValue(), table.max().doubleValue(),
                    table.mean().doubleValue(), List.of(text("min") + " " + decimal(table.min()),
                    text("lowerQuartile") + " " + decimal(table.lowerQuartile()), text("median") + " " + decimal(table.median()),
                    text("upperQuartile") + " " + decimal(table.upperQuartile()), text("max") + " " + decimal(table.max()))),
                    table.text()));
        }
        table(html, base(table.answered(), false) + (unit.isEmpty() ? "" : " \u00b7" + unit),
                List.of(text("statistic"), text("value")), List.of(
                        List.of(text("answers"), Integer.toString(table.answered())),
                        List.of(text("mean"), decimal(table.mean()) + unit),
                        List.of(text("min"), decimal(table.min()) + unit),
                        List.of(text("lowerQuartile"), decimal(table.lowerQuartile()) + unit),
                        List.of(text("median"), decimal(table.median()) + unit),
                        List.of(text("upperQuartile"), decimal(table.upperQuartile()) + unit),
                        List.of(text("max"), decimal(table.max()) + unit)));
    }

    /** A decimal as the report's language writes it (a comma in Dutch), without trailing zeros; "–" for none. */
    private String decimal(BigDecimal value) {
        if (value == null) {
            return "\u2013";
        }
        BigDecimal plain = value.stripTrailingZeros();
        String written = (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
        return written.replace(".", texts.getOrDefault("decimalSeparator", "."));
    }

    private void coded(StringBuilder html, CodedTable table) {
        List<CodedTable.Category> categories = table.categories().stream()
                .sorted(Comparator.comparingInt(CodedTable.Category::count).reversed()).toList();
        html.append(Charts.horizontalBars(categories.stream().filter(c -> c.count() > 0)
                .map(c -> new Charts.Bar(c.label(), Integer.toString(c.count()), c.count())).toList(), table.questionId()));
        table(html, text("answers") + " = " + table.answered(), List.of(text("category"), text("frequency"), "%"),
                categories.stream().map(c -> List.of(c.label(), Integer.toString(c.count()), c.percent() + "%")).toList());
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
                        + (waves.get(i).published() ? " *" : ""), count.percent() + "%", count.percent(),
                        waves.get(i).published()));
            }
            rows.add(row);
        }
        boolean anyPublished = waves.stream().anyMatch(WaveData::published);
        // the chart's title is what a screen reader reads of it: it names the published figures too
        html.append(Charts.horizontalBars(bars, last.text() + (anyPublished ? " (* " + text("published") + ")" : ""),
                "* " + text("publishedShort")));
        String base = waves.stream().map(w -> w.label() + (w.published() ? " *" : "") + ": n = "
                        + distributions.get(waves.indexOf(w)).base())
                .collect(Collectors.joining(", ")) + (block.byUnits() ? " " + units : "");
        table(html, base, heads, rows);
        if (anyPublished) {
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
