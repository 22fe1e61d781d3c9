package nl.peilbot.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.peilbot.aggregation.PublishedFigures;
import nl.peilbot.aggregation.Unit;
import nl.peilbot.aggregation.UnknownResultException;
import nl.peilbot.aggregation.WaveId;

/** A wave known only by its published figures in a report: marked in every comparison table and chart. */
class PublishedWaveTests {

    private static final PublishedFigures FIGURES = new PublishedFigures(new WaveId("fake-survey", "2019"), "Fake 2019",
            "Fake report 2019", 0, 20, Map.of("scale", new PublishedFigures.Question("scale", "multiple-choice", "Scale?",
            null, new PublishedFigures.Counts(20, Map.of("live", 5), Map.of("live", "Live")))));

    @Test
    void shouldRefuseFiguresThatWereNotPublished() {
        PublishedWave wave = new PublishedWave(FIGURES);
        assertThat(wave.published()).isTrue();
        assertThat(wave.label()).isEqualTo("2019");
        assertThatThrownBy(() -> wave.combinations("scale")).isInstanceOf(UnknownResultException.class);
        assertThatThrownBy(() -> wave.rating("scale")).isInstanceOf(UnknownResultException.class);
        assertThatThrownBy(() -> wave.distribution("scale", Unit.RESPONDENTS))
                .isInstanceOf(UnknownResultException.class).hasMessageContaining("not per respondent");
    }

    @Test
    void shouldBeMarkedInAComparisonAndShowUnpublishedOptionsAsUnknown() {
        WaveData earlier = new PublishedWave(FIGURES);
        WaveData current = new FakeWave("2021", false, 6);
        WaveData.Source source = new WaveData.Source() {
            @Override
            public WaveData current() {
                return current;
            }

            @Override
            public WaveData wave(String reference) {
                return earlier;
            }
        };
        ReportRenderer.Rendered report = new ReportRenderer(FakeWave.texts()).render(
                "{{compare scale with fake-survey/2019 by units}}\n\nLive: {{percent scale=live by units in fake-survey/2019}}"
                        + ", pilots: {{percent scale=pilot by units in fake-survey/2019}}\n", source);
        assertThat(report.body()).contains("<th class=\"number\">2019 *</th>", "Published figures only",
                "<td>Live</td><td class=\"number\">5 (25%)</td>", "<td>Pilot</td><td class=\"number\">–</td>",
                "Live: 25%", "2019 *: n = 20");
        assertThat(report.body()).as("the chart says so itself: a note under the bars, the published bars dashed")
                .contains("* published figures</text>", "stroke-dasharray", "Live – 2019 *");
        assertThat(report.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("pilot"));
    }
}
