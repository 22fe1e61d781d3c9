package nl.peilbot.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReportRendererTests {

    private final ReportRenderer renderer = new ReportRenderer(FakeWave.texts());

    private ReportRenderer.Rendered render(String template) {
        return renderer.render(template, FakeWave.source());
    }

    @Nested
    class Placeholders {

        @Test
        void shouldFillCountsPercentsCombinationsAndEarlierWaves() {
            ReportRenderer.Rendered report = render("""
                    ---
                    title: Fake report
                    units: units
                    ---
                    # Findings

                    {{count colour=red}} of {{count respondents}} chose red ({{percent colour=red}}); {{count active scale}}
                    units are active, {{count scale==pilot&live}} do both; pilots went from
                    {{percent scale=pilot by units in fake-survey/2020}} to {{percent scale=pilot by units}}.
                    Worries: {{top 2 worries}}. Radiology {{count trials~radiologie}} of {{count entries trials}}.
                    """);
            assertThat(report.problems()).isEmpty();
            assertThat(report.title()).isEqualTo("Fake report");
            assertThat(report.body()).contains("13 of 20 chose red (65%); 8", "units are active, 1 do both",
                    "from\n30% to 60%.", "Worries: Trust (9) en Cost (5).", "Radiology 5 of 12.");
            assertThat(report.contents()).extracting(ReportRenderer.Rendered.Heading::id).containsExactly("findings");
        }

        @Test
        void shouldNameTheLineOfEveryUnknownFigureAndShowNoEmptyString() {
            ReportRenderer.Rendered report = render("""
                    # Findings

                    {{percent colour=green}} and {{count shape=round}}
                    {{count worries:money}} {{count trials~surgery}} {{percent colour=red in fake-survey/1999}}
                    {{count colour=red
                    """);
            assertThat(report.problems()).extracting(Problem::line, Problem::error).containsExactly(
                    tuple(3, true), tuple(3, true), tuple(4, true), tuple(4, false), tuple(4, true), tuple(5, true));
            assertThat(report.problems().get(0).message()).contains("green");
            assertThat(report.problems().get(1).message()).contains("shape");
            assertThat(report.problems().get(2).message()).contains("money");
            assertThat(report.problems().get(3).message()).contains("surgery");
            assertThat(report.problems().get(4).message()).contains("fake-survey/1999");
            assertThat(report.body()).contains("[??] and [??]");
            assertThat(report.hasErrors()).isTrue();
        }

        @Test
        void shouldCountACountedValueNoEntryNamesAsZeroWithAWarning() {
            ReportRenderer.Rendered report = render("""
                    Surgery {{count trials~surgery}} of {{count entries trials}}, {{percent trials~surgery}},
                    in {{count trials~surgery by units}} units; radiology {{count trials~Radiologie}}.
                    """);
            assertThat(report.hasErrors()).as("a live wave is published without the value").isFalse();
            assertThat(report.problems()).extracting(Problem::line, Problem::error)
                    .containsExactly(tuple(1, false), tuple(1, false), tuple(2, false));
            assertThat(report.problems().get(0).message()).contains("trials", "'surgery'", "counted as 0");
            assertThat(report.body()).contains("Surgery 0 of 12, 0%,", "in 0 units; radiology 5.");
        }

        @Test
        void shouldKeepTypedMarkupAsText() {
            ReportRenderer.Rendered report = render("<script>alert(1)</script> {{count colour=red}}\n");
            assertThat(report.body()).doesNotContain("<script>").contains("&lt;script&gt;");
        }
    }

    @Nested
    class Blocks {

        @Test
        void shouldDrawAFullBarAndATableForASingleChoice() {
            ReportRenderer.Rendered report = render("## Colour\n\n{{question colour}}\n");
            assertThat(report.problems()).isEmpty();
            assertThat(report.body()).contains("<section class=\"question\" id=\"q-colour\">", "Which colour?", "<svg",
                    "<td>Red</td><td class=\"number\">13</td><td class=\"number\">65%</td>");
        }

        @Test
        void shouldMarkAPublishedWaveInAComparison() {
            ReportRenderer.Rendered report = render("{{compare scale with fake-survey/2020 by units}}\n");
            assertThat(report.problems()).isEmpty();
            assertThat(report.body()).contains("<th class=\"number\">2020 *</th>", "Published figures only",
                    "<td>Pilot</td><td class=\"number\">3 (30%)</td><td class=\"number\">6 (60%)</td>");
        }

        @Test
        void shouldDrawARatingsPointsWithItsLabelledEndsMeanAndTopScores() {
            ReportRenderer.Rendered report = render("{{question maturity}}\n");
            assertThat(report.problems()).isEmpty();
            assertThat(report.body()).contains("<section class=\"question\" id=\"q-maturity\">", "1 (Infant)",
                    "5 (Adult)", "\u2190 Infant</text>", "Adult \u2192</text>", "gemiddelde 3,1",
                    "(4\u20135): 4 (40%)", "<td>1 \u2013 Infant</td><td class=\"number\">1</td><td class=\"number\">10%</td>",
                    "<td>3</td><td class=\"number\">3</td><td class=\"number\">30%</td>")
                    .doesNotContain("NPS");
            assertThat(report.body().split("<rect ", -1)).as("a column per point").hasSize(1 + 5);
        }

        @Test
        void shouldSplitAZeroToTenRatingIntoPromotersPassivesAndDetractors() {
            ReportRenderer.Rendered report = render("{{question recommend}}\n");
            assertThat(report.problems()).isEmpty();
            assertThat(report.body()).contains("(9\u201310): 3 (30%)", "(7\u20138): 4 (40%)", "(0\u20136): 3 (30%)", "NPS 0");
            assertThat(report.body().split("<rect ", -1)).as("a column per point 0..10").hasSize(1 + 11);
        }

        @Test
        void shouldGiveANumbersMeanMedianAndQuartilesWithABoxPlot() {
            ReportRenderer.Rendered report = render("{{question staff}}\n");
            assertThat(report.problems()).isEmpty();
            assertThat(report.body()).contains("<td>gemiddelde</td><td class=\"number\">12,35 FTE</td>",
                    "<td>mediaan</td><td class=\"number\">10 FTE</td>", "<td class=\"number\">5,5 FTE</td>",
                    "<td class=\"number\">16,25 FTE</td>", "<td class=\"number\">40 FTE</td>", "mediaan 10</text>",
                    "<polygon");
        }

        @Test
        void shouldShowANumberNobodyAnsweredWithoutAPlot() {
            ReportRenderer.Rendered report = render("{{question visits}}\n");
            assertThat(report.problems()).isEmpty();
            assertThat(report.body()).contains("<td>gemiddelde</td><td class=\"number\">\u2013</td>",
                    "<td>mediaan</td><td class=\"number\">\u2013</td>").doesNotContain("<svg");
        }

        @Test
        void shouldStandOnALineOfItsOwn() {
            ReportRenderer.Rendered report = render("Text {{question colour}}\n");
            assertThat(report.problems()).extracting(Problem::line).containsExactly(1);
            assertThat(report.problems().get(0).message()).contains("line of its own");
        }
    }

    @Nested
    class TypedNumbers {

        @Test
        void shouldWarnAboutATypedPercentNoNearbyFigureHas() {
            ReportRenderer.Rendered report = render("""
                    # Colour

                    {{percent colour=red}} chose red, 83% chose red or blue and 7 van de 10 units chose red.

                    Unrelated text with 35% and 9 van de 11.
                    """);
            assertThat(report.typed()).extracting(TypedNumber::line, TypedNumber::text, TypedNumber::verdict)
                    .containsExactly(
                            tuple(3, "7 van de 10", TypedNumber.Verdict.MATCHES),
                            tuple(3, "83%", TypedNumber.Verdict.NO_MATCH),
                            tuple(5, "9 van de 11", TypedNumber.Verdict.NO_MATCH),
                            tuple(5, "35%", TypedNumber.Verdict.MATCHES));
            assertThat(report.problems()).extracting(Problem::line, Problem::error)
                    .containsExactly(tuple(3, false), tuple(5, false));
            assertThat(report.problems().get(0).message()).contains("'83%'", "colour");
            assertThat(report.hasErrors()).isFalse();
        }

        @Test
        void shouldTakeLabelsAndMoreThanForWhatTheySay() {
            ReportRenderer.Rendered report = render("""
                    {{question scale}}

                    Meer dan 40% of respondents are piloting; pilots at 10% or more; more than 45% do nothing.
                    """);
            assertThat(report.typed()).extracting(TypedNumber::text, TypedNumber::verdict).containsExactly(
                    tuple("Meer dan 40%", TypedNumber.Verdict.MATCHES),
                    tuple("10%", TypedNumber.Verdict.LABEL),
                    tuple("more than 45%", TypedNumber.Verdict.MATCHES));
        }
    }
}
