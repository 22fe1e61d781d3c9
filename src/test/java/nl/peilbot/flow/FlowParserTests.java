package nl.peilbot.flow;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlowParserTests {

    private static final String MINIMAL = Flows.read(Path.of("src/test/resources/flows/minimal.yaml"));

    @Test
    void shouldReadYesAndNoAsCodesNotBooleans() {
        Flow flow = Flows.parse("yes-no.yaml", MINIMAL
                .replace("code: red", "code: yes").replace("code: blue", "code: no").replace("any-of: [red]", "any-of: [yes, no]"));

        assertThat(flow.step("colour").orElseThrow().options()).extracting(AnswerOption::code).containsExactly("yes", "no");
        assertThat(flow.step("why").orElseThrow().condition().anyOf()).containsExactly("yes", "no");
    }

    @Test
    void shouldRefuseAFlagThatIsNoBoolean() {
        String yaml = MINIMAL.replace("    kind: open-text\n", "    kind: open-text\n    optional: yes\n");

        assertThatThrownBy(() -> Flows.parse("flag.yaml", yaml))
                .hasMessageContaining("flag.yaml, question 'why': 'optional' must be true or false, not 'yes'");
    }

    @Test
    void shouldGiveTheSameVersionForTheSameContent() {
        String reordered = MINIMAL.replace("languages: [nl, en]\n", "") + "languages:\n  - nl\n  - en\n";

        assertThat(Flows.parse("a.yaml", reordered).version()).isEqualTo(Flows.parse("b.yaml", MINIMAL).version());
    }

    @Test
    void shouldReportTextThatIsNoYaml() {
        assertThatThrownBy(() -> Flows.parse("bad.yaml", "id: [unclosed"))
                .isInstanceOf(FlowException.class).hasMessageContaining("bad.yaml: not valid YAML");
    }

    @Test
    void shouldReadAnOptionalCodingBlockOfAnOpenQuestion() {
        String yaml = MINIMAL + """
                    coding:
                      categories:
                        - {code: taste, label: {nl: Smaak, en: Taste}, keywords: [mooi, lelijk]}
                        - {code: other, label: {nl: Overig, en: Other}, keywords: []}
                """;

        Question why = Flows.parse("coded.yaml", yaml).step("why").orElseThrow();

        assertThat(why.coding()).extracting(CodingCategory::code).containsExactly("taste", "other");
        assertThat(why.category("taste").orElseThrow().keywords()).containsExactly("mooi", "lelijk");
        assertThat(why.category("taste").orElseThrow().label().in("en")).isEqualTo("Taste");
        assertThat(Flows.parse("plain.yaml", MINIMAL).step("why").orElseThrow().coding()).isEmpty();
    }

    @Test
    void shouldRefuseCodingOnAChoiceQuestionAndDuplicateOrUntranslatedCategories() {
        String yaml = MINIMAL.replace("    options:\n", """
                    coding:
                      categories:
                        - {code: a, label: {nl: A, en: A}, keywords: []}
                    options:
                """) + """
                    coding:
                      categories:
                        - {code: same, label: {nl: Een, en: One}, keywords: []}
                        - {code: same, label: {nl: Twee}, keywords: []}
                """;

        assertThatThrownBy(() -> Flows.parse("coded.yaml", yaml))
                .hasMessageContaining("question 'colour': has 'coding', which is only for open questions")
                .hasMessageContaining("question 'why': duplicate coding category code 'same'")
                .hasMessageContaining("missing 'en' translation of the label of coding category 'same'");
    }
}
