package nl.peilbot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Flows;
import nl.peilbot.flow.Question;

/** The report of a survey without a template: made from its flow, every block in the flow's order. */
class DefaultTemplateTests {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*?)}}");
    private static final Map<String, String> TEXTS = Map.of("respondents", "respondenten", "question", "Vraag",
            "profile", "Respondenten");

    @Test
    void shouldHaveTheTitleTotalsEveryDimensionAndEveryQuestionInOrder() {
        Flow flow = Flows.load(Path.of("conversation-flows", "digital-maturity-gp-practices-2021.yaml"));
        String template = DefaultTemplate.of(flow, TEXTS, "nl");

        assertThat(template).startsWith("---\ntitle: Digitale volwassenheid van huisartsenpraktijken 2021\n---\n")
                .contains("{{count respondents}} respondenten, {{count units}} praktijken", "## Vraag 1\n",
                        "## Vraag " + flow.questions().size() + "\n");
        List<String> blocks = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            Expression expression = ExpressionParser.parse(matcher.group(1));
            if (expression instanceof Expression.QuestionBlock block) {
                blocks.add(block.question());
            }
        }
        List<String> expected = new ArrayList<>(flow.dimensions().stream().map(Question::id).toList());
        flow.questions().forEach(q -> expected.add(q.id()));
        assertThat(blocks).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldLeaveOutUnitsAndDimensionsAFlowDoesNotDeclare() {
        Flow flow = Flows.load(Path.of("src", "test", "resources", "flows", "minimal.yaml"));
        String template = DefaultTemplate.of(flow, TEXTS, "nl");

        assertThat(template).contains("{{count respondents}} respondenten\n")
                .doesNotContain("{{count units}}", "## Respondenten");
        assertThat(template).contains("{{question " + flow.questions().get(0).id() + "}}");
    }
}
