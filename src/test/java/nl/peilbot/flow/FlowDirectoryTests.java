package nl.peilbot.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one reader of the flow files: every file once, clear answers for what it does not hold. */
class FlowDirectoryTests {

    private static final Path VALID = Path.of("src/test/resources/flows/valid");
    private static final Path FLOWS = Path.of("conversation-flows");

    @Test
    void shouldHoldEveryFlowFileBySurveyWithItsText() {
        FlowDirectory directory = FlowDirectory.load(FLOWS);

        assertThat(directory.flows()).hasSize(Flows.files(FLOWS).size());
        for (Path file : Flows.files(FLOWS)) {
            Flow flow = Flows.load(file);
            assertThat(directory.current(flow.id())).map(Flow::version).contains(flow.version());
            assertThat(directory.ofWave(flow.id(), flow.wave())).map(Flow::version).contains(flow.version());
            assertThat(directory.file(flow.id())).map(FlowDirectory.FlowFile::yaml).contains(Flows.read(file));
        }
    }

    @Test
    void shouldAnswerEmptyForAnUnknownOrNullSurveyAndForAnotherWave() {
        FlowDirectory directory = FlowDirectory.load(VALID);
        Flow flow = directory.flows().get(0);

        assertThat(directory.current("no-such-survey")).isEmpty();
        assertThat(directory.current(null)).isEmpty();
        assertThat(directory.file(null)).isEmpty();
        assertThat(directory.ofWave("no-such-survey", flow.wave())).isEmpty();
        assertThat(directory.ofWave(null, null)).isEmpty();
        assertThat(directory.ofWave(flow.id(), flow.wave() + "-next")).isEmpty();
    }

    @Test
    void shouldRefuseAMissingDirectoryAnEmptyOneAndASurveyIdUsedTwice(@TempDir Path empty, @TempDir Path twice)
            throws IOException {
        assertThatThrownBy(() -> FlowDirectory.load(null)).isInstanceOf(FlowException.class)
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> FlowDirectory.load(empty)).isInstanceOf(FlowException.class)
                .hasMessageContaining("no *.yaml flow files");
        String yaml = Flows.read(VALID.resolve("small-survey.yaml"));
        Files.writeString(twice.resolve("a.yaml"), yaml);
        Files.writeString(twice.resolve("b.yaml"), yaml);
        assertThatThrownBy(() -> FlowDirectory.load(twice)).isInstanceOf(FlowException.class)
                .hasMessageContaining("b.yaml").hasMessageContaining("is also used by");
    }
}
