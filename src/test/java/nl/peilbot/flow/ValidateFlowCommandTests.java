package nl.peilbot.flow;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValidateFlowCommandTests {

    private static final String GOOD = "conversation-flows/ai-in-hospitals-2020.yaml";
    private static final String BROKEN = "src/test/resources/flows/broken/unreachable-no-codes.yaml";

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @Test
    void shouldPrintOkWithVersionAndQuestionCountForAGoodFile() {
        int exitCode = run(GOOD);

        String version = Flows.load(java.nio.file.Path.of(GOOD)).version();
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
        assertThat(lines()).containsExactly("usage: validate FLOW-FILE...");
    }

    private int run(String... files) {
        return ValidateFlowCommand.run(List.of(files), new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    private List<String> lines() {
        return output.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
