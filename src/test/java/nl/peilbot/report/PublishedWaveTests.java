package nl.peilbot.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import nl.peilbot.aggregation.Distribution;
import nl.peilbot.aggregation.Unit;
import nl.peilbot.aggregation.UnknownResultException;
import nl.peilbot.aggregation.WaveId;

class PublishedWaveTests {

    private static final String MINIMAL = """
            survey: s
            wave: "2019"
            units: 20
            questions:
              - id: scale
                kind: multiple-choice
                text: Scale?
                units: {base: 20, counts: {live: 5}, labels: {live: Live}}
            """;

    @Test
    void shouldGiveThe2019FiguresThe2020ReportQuotes() throws Exception {
        PublishedWave wave = PublishedWave.parse("2019", Files.readString(
                Path.of("conversation-flows/published/ai-in-hospitals-2019.yaml")));
        assertThat(wave.id()).isEqualTo(new WaveId("ai-in-hospitals-2019", "2019"));
        assertThat(wave.published()).isTrue();
        assertThat(wave.distribution("scale", Unit.UNITS).count("smallScale"))
                .isEqualTo(new Distribution.Count("smallScale", "smallScale", 4, 24));
        assertThat(wave.distribution("policy", Unit.UNITS).count("yes").count()).isEqualTo(1);
    }

    @Test
    void shouldRefuseFiguresThatWereNotPublished() {
        PublishedWave wave = PublishedWave.parse("minimal", MINIMAL);
        assertThat(wave.distribution("scale", Unit.UNITS).counts()).extracting(Distribution.Count::label)
                .containsExactly("Live");
        assertThatThrownBy(() -> wave.distribution("scale", Unit.UNITS).count("pilot"))
                .isInstanceOf(UnknownResultException.class).hasMessageContaining("pilot");
        assertThatThrownBy(() -> wave.distribution("scale", Unit.RESPONDENTS))
                .isInstanceOf(UnknownResultException.class).hasMessageContaining("not per respondent");
        assertThatThrownBy(() -> wave.distribution("policy", Unit.UNITS))
                .isInstanceOf(UnknownResultException.class).hasMessageContaining("policy");
        assertThatThrownBy(() -> wave.combinations("scale")).isInstanceOf(UnknownResultException.class);
    }

    @Test
    void shouldNameTheMistakeInABrokenFile() {
        assertThatThrownBy(() -> PublishedWave.parse("f", MINIMAL.replace("base: 20", "base: 0")))
                .isInstanceOf(TemplateException.class).hasMessageContaining("f: question scale: units: 'base'");
        assertThatThrownBy(() -> PublishedWave.parse("f", MINIMAL.replace("live: 5", "live: 25")))
                .hasMessageContaining("between 0 and the base 20");
        assertThatThrownBy(() -> PublishedWave.parse("f", MINIMAL.replace("multiple-choice", "open-text")))
                .hasMessageContaining("choice questions only");
        assertThatThrownBy(() -> PublishedWave.parse("f", MINIMAL.replace("survey: s\n", "")))
                .hasMessageContaining("'survey' is missing");
        assertThatThrownBy(() -> PublishedWave.parse("f", "questions: [")).hasMessageContaining("not readable as YAML");
    }

    @Test
    void shouldBeMarkedInAComparisonAndShowUnpublishedOptionsAsUnknown() {
        PublishedWave earlier = PublishedWave.parse("minimal", MINIMAL.replace("survey: s", "survey: fake-survey"));
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
                "Live: 25%");
        assertThat(report.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("pilot"));
    }
}
