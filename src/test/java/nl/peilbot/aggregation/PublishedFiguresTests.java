package nl.peilbot.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.peilbot.flow.FlowDirectory;

/** Published-figures files: what they give, what they refuse and how a broken one is named. */
class PublishedFiguresTests {

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
        PublishedFigures wave = PublishedFiles.parse("2019", Files.readString(
                Path.of("conversation-flows/published/ai-in-hospitals-2019.yaml")));
        assertThat(wave.wave()).isEqualTo(new WaveId("ai-in-hospitals-2019", "2019"));
        assertThat(wave.source()).contains("M&I/Partners (2019)");
        assertThat(wave.distribution("scale", Unit.UNITS).count("smallScale"))
                .isEqualTo(new Distribution.Count("smallScale", "smallScale", 4, 24));
        assertThat(wave.distribution("policy", Unit.UNITS).count("yes").count()).isEqualTo(1);
    }

    @Test
    void shouldRefuseFiguresThatWereNotPublished() {
        PublishedFigures wave = PublishedFiles.parse("minimal", MINIMAL);
        assertThat(wave.distribution("scale", Unit.UNITS).counts()).extracting(Distribution.Count::label)
                .containsExactly("Live");
        assertThatThrownBy(() -> wave.distribution("scale", Unit.UNITS).count("pilot"))
                .isInstanceOf(UnknownResultException.class).hasMessageContaining("pilot");
        assertThatThrownBy(() -> wave.distribution("scale", Unit.RESPONDENTS))
                .isInstanceOf(UnknownResultException.class).hasMessageContaining("not per respondent");
        assertThatThrownBy(() -> wave.distribution("policy", Unit.UNITS))
                .isInstanceOf(UnknownResultException.class).hasMessageContaining("policy");
    }

    @Test
    void shouldNameTheMistakeInABrokenFile() {
        assertThatThrownBy(() -> PublishedFiles.parse("f", MINIMAL.replace("base: 20", "base: 0")))
                .isInstanceOf(PublishedFiguresException.class).hasMessageContaining("f: question scale: units: 'base'");
        assertThatThrownBy(() -> PublishedFiles.parse("f", MINIMAL.replace("live: 5", "live: 25")))
                .hasMessageContaining("between 0 and the base 20");
        assertThatThrownBy(() -> PublishedFiles.parse("f", MINIMAL.replace("multiple-choice", "open-text")))
                .hasMessageContaining("choice questions only");
        assertThatThrownBy(() -> PublishedFiles.parse("f", MINIMAL.replace("survey: s\n", "")))
                .hasMessageContaining("'survey' is missing");
        assertThatThrownBy(() -> PublishedFiles.parse("f", "questions: [")).hasMessageContaining("not readable as YAML");
    }

    @Test
    void shouldReadCodesAndRefuseRepeatedKeysAsFlowFilesDo() {
        PublishedFigures unquoted = PublishedFiles.parse("f", MINIMAL.replace("{live: 5}, labels: {live: Live}",
                "{yes: 5, no: 15}, labels: {yes: Ja, no: Nee}"));
        assertThat(unquoted.distribution("scale", Unit.UNITS).count("yes").count()).as("yes is a code, not true")
                .isEqualTo(5);
        assertThatThrownBy(() -> PublishedFiles.parse("f", MINIMAL.replace("{live: 5}", "{live: 5, live: 6}")))
                .isInstanceOf(PublishedFiguresException.class).hasMessageContaining("not readable as YAML");
    }

    @Test
    void shouldFindAWaveByItsSurveysFileOnlyWhenTheFileHoldsThatWave(@TempDir Path flows) throws Exception {
        Files.createDirectories(flows.resolve("published"));
        Files.writeString(flows.resolve("published/s.yaml"), MINIMAL);
        Files.copy(Path.of("conversation-flows", "ai-in-hospitals-2020.yaml"), flows.resolve("ai-in-hospitals-2020.yaml"));
        PublishedFiles files = new PublishedFiles(FlowDirectory.load(flows));

        assertThat(files.wave(new WaveId("s", "2019"))).hasValueSatisfying(w -> assertThat(w.units()).isEqualTo(20));
        assertThat(files.wave(new WaveId("s", "2020"))).as("the file holds 2019 only").isEmpty();
        assertThat(files.wave(new WaveId("other", "2019"))).isEmpty();
        assertThat(files.wave(new WaveId("../s", "2019"))).as("no path outside the directory").isEmpty();
    }
}
