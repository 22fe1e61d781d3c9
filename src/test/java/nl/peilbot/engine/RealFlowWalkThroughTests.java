package nl.peilbot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Flows;

/** The engine on the real 2020 questionnaire, answered the way respondents type. */
class RealFlowWalkThroughTests {

    static final Flow FLOW = Flows.load(Path.of("conversation-flows/ai-in-hospitals-2020.yaml"));

    @Test
    void shouldWalkTheWholeQuestionnaireInDutchWithTypedLabels() {
        Chat chat = new Chat(FLOW, Map.of(), "nl");
        String[] replies = {"ja", "Jeroen Bosch Ziekenhuis", "topklinisch", "CMIO",
                "redelijk bekend", "goed", "1, 2 en 5", "Robotic Process Automation",
                "nog niet", "Verantwoordelijkheid en wetgeving", "Nee, wel een informele AI-voortrekker",
                "1 en 2", "Radiologie: beeldherkenning", "klaar", "Intensive care: heropnames voorspellen", "klaar",
                "1, 2", "meer dan 30%", "Beeldherkenning", "Diagnostiek", "Beslissingsondersteuning", "Onvoldoende kennis"};
        for (String reply : replies) {
            String step = String.valueOf(chat.state.currentStep());
            chat.text(reply);
            assertThat(chat.last.accepted()).as("reply '%s' to %s", reply, step).isTrue();
        }
        assertThat(chat.state.stage()).isEqualTo(Stage.SUMMARY);
        assertThat(chat.answer("hospitalType").codes()).containsExactly("topklinisch");
        assertThat(chat.answer("familiarity").choices()).containsExactly(new ChosenOption("fairlyFamiliar", "Redelijk bekend"));
        assertThat(chat.answer("knownApplications").codes()).containsExactly("machineLearning", "naturalLanguageProcessing", "other");
        assertThat(chat.answer("knownApplications").otherText()).isEqualTo("Robotic Process Automation");
        assertThat(chat.answer("policy").codes()).containsExactly("soon");
        assertThat(chat.answer("scale").codes()).containsExactly("experimenting", "smallScale");
        assertThat(chat.answer("experiments").entries())
                .containsExactly(Map.of("specialism", "Radiologie", "description", "beeldherkenning"));
        assertThat(chat.answer("workloadReduction").codes()).containsExactly("moreThan30");
        assertThat(chat.answer("expectedSupport").parts())
                .isEqualTo(Map.of("shortTerm", "Beeldherkenning", "longTerm", "Diagnostiek"));
        chat.choice("#submit");
        assertThat(chat.state.stage()).isEqualTo(Stage.COMPLETED);
    }

    @Test
    void shouldSkipTheBranchesThatDoNotApplyInEnglish() {
        Chat chat = new Chat(FLOW, Map.of("hospital", "UMC", "hospitalType", "academisch", "role", "cio"), "en");
        String[] replies = {"yes", "familiar", "very closely", "vision", "no", "no", "AI is not applied",
                "better care", "not at all", "image recognition", "decision support", "imaging", "knowledge"};
        for (String reply : replies) {
            String step = String.valueOf(chat.state.currentStep());
            chat.text(reply);
            assertThat(chat.last.accepted()).as("reply '%s' to %s", reply, step).isTrue();
        }
        assertThat(chat.state.stage()).isEqualTo(Stage.SUMMARY);
        assertThat(chat.state.answers()).doesNotContainKeys("policyTopics", "experiments", "implementations");
        assertThat(chat.answer("scale").codes()).containsExactly("notApplied");
        assertThat(chat.answer("workloadReduction").codes()).containsExactly("none");
    }
}
