package nl.peilbot.flow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ValidateFlowCommandTests {

    private static final String GOOD = "conversation-flows/ai-in-hospitals-2020.yaml";
    private static final String BROKEN = "src/test/resources/flows/broken/unreachable-no-codes.yaml";

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @Test
    void shouldPrintOkWithVersionAndQuestionCountForAGoodFile() {
        int exitCode = run(GOOD);

        String version = Flows.load(Path.of(GOOD)).version();
        assertThat(exitCode).isZero();
        assertThat(lines()).containsExactly("OK " + GOOD + " (version " + version + ", 14 questions)");
    }

    @Test
    void shouldPrintEveryProblemAndFailForABrokenFile() {
        int exitCode = run(BROKEN);

        assertThat(exitCode).isEqualTo(ValidateFlowCommand.INVALID);
        assertThat(lines()).containsExactly(
                BROKEN + ", question 'why': condition code 'green' is not an option of 'colour'",
                BROKEN + ", question 'why': condition code 'yellow' is not an option of 'colour'",
                BROKEN + ", question 'why': can never be reached: none of the condition's codes [green, yellow] is an option of 'colour'");
    }

    @Test
    void shouldFailWhenAnyOfSeveralFilesIsBroken() {
        int exitCode = run(GOOD, BROKEN);

        assertThat(exitCode).isEqualTo(ValidateFlowCommand.INVALID);
        assertThat(lines()).hasSize(4).first().asString().startsWith("OK " + GOOD);
    }

    @Test
    void shouldFailForAMissingFile() {
        int exitCode = run("conversation-flows/no-such-flow.yaml");

        assertThat(exitCode).isEqualTo(ValidateFlowCommand.INVALID);
        assertThat(lines()).containsExactly("conversation-flows/no-such-flow.yaml: no such file");
    }

    @Test
    void shouldPrintUsageWithoutFiles() {
        int exitCode = run();

        assertThat(exitCode).isEqualTo(ValidateFlowCommand.USAGE);
        assertThat(lines()).containsExactly("usage: validate [--previous PREVIOUS-FLOW-FILE] FLOW-FILE...");
    }

    @Test
    void shouldAcceptTheSameFileAsCompatibleWithItself() {
        int exitCode = run("--previous", GOOD, GOOD);

        assertThat(exitCode).isZero();
        assertThat(lines()).singleElement().asString().startsWith("OK " + GOOD).contains(", unchanged, 14 questions)");
    }

    @Test
    void shouldPrintIncompatibilitiesWithThePreviousVersion(@TempDir Path directory) throws IOException {
        Path edited = directory.resolve("ai-in-hospitals-2020.yaml");
        Files.writeString(edited, Flows.read(Path.of(GOOD))
                .replace("  - id: concerns\n    kind: open-text", "  - id: concerns\n    kind: open-parts")
                .replace("      en: What are your biggest concerns regarding AI within hospitals?\n",
                        "      en: What are your biggest concerns regarding AI within hospitals?\n"
                                + "    fields:\n      - {id: now, label: {nl: Nu, en: Now}}\n"));

        int exitCode = run("--previous", GOOD, edited.toString());

        assertThat(exitCode).isEqualTo(ValidateFlowCommand.INVALID);
        assertThat(lines()).singleElement().asString()
                .startsWith(edited + ", question 'concerns': kind changed from open-text to open-parts");
    }

    @Test
    void shouldPrintUsageWhenThePreviousFileIsNotFollowedByAFile() {
        assertThat(run("--previous", GOOD)).isEqualTo(ValidateFlowCommand.USAGE);
    }

    private int run(String... files) {
        return ValidateFlowCommand.run(List.of(files), new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    private List<String> lines() {
        return output.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
