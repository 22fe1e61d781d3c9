package nl.peilbot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class HospitalsWalkThroughTests {

    @Test
    void shouldWalkAllFourteenQuestionsWithProgress() {
        Chat chat = new Chat(Chat.HOSPITALS, Map.of("hospital", "Jeroen Bosch Ziekenhuis", "hospitalType", "topklinisch"), "nl");
        chat.text("Ja, ik doe mee");
        assertThat(chat.state.currentStep()).isEqualTo("role");
        assertThat(chat.ask().progress()).isNull();
        chat.text("cmio");
        List<String> progress = new ArrayList<>();
        String[] replies = {"bekend", "goed", "1, 2 en 5", "Robotic Process Automation", "nog niet", "Verantwoordelijkheid en wetgeving",
                "Nee, wel een informele AI-voortrekker", "experimenten en op kleine schaal geimplementeerd",
                "Radiologie: beeldherkenning", "IC: heropnames", "klaar", "Radiologie: spraakherkenning", "done",
                "1 en 2", "20%", "Beeldherkenning", "Diagnostiek", "Beslissingsondersteuning", "Onvoldoende kennis"};
        for (String reply : replies) {
            Outbound.Ask ask = chat.ask();
            if (ask.progress() != null && (progress.isEmpty() || !progress.get(progress.size() - 1).equals(ask.progress().text()))) {
                progress.add(ask.progress().text());
            }
            chat.text(reply);
            assertThat(chat.last.accepted()).as("reply '%s' to %s", reply, ask.stepId()).isTrue();
        }
        assertThat(progress).containsExactly("vraag 1 van 14", "vraag 2 van 14", "vraag 3 van 14", "vraag 4 van 14", "vraag 5 van 14",
                "vraag 6 van 14", "vraag 7 van 14", "vraag 8 van 14", "vraag 9 van 14", "vraag 10 van 14", "vraag 11 van 14",
                "vraag 12 van 14", "vraag 13 van 14", "vraag 14 van 14");
        assertThat(chat.state.stage()).isEqualTo(Stage.SUMMARY);
        assertThat(chat.answer("knownApplications").otherText()).isEqualTo("Robotic Process Automation");
        assertThat(chat.answer("scale").codes()).containsExactly("experiments", "smallScale");
        assertThat(chat.answer("experiments").entries()).hasSize(2);
        assertThat(chat.answer("workloadReduction").codes()).containsExactly("p20");
        assertThat(chat.answer("expectedSupport").parts()).containsOnlyKeys("shortTerm", "longTerm");
        assertThat(chat.answer("hospitalType").source()).isEqualTo("invitation");
        chat.choice("#submit");
        assertThat(chat.state.stage()).isEqualTo(Stage.COMPLETED);
        assertThat(chat.says()).isEqualTo("Hartelijk dank voor uw deelname!");
    }

    @Test
    void shouldCountOnlyTheQuestionsThisRespondentWillBeAsked() {
        Chat chat = new Chat(Chat.HOSPITALS, Map.of("hospital", "X", "hospitalType", "general", "role", "cio"), "en");
        chat.choice("#yes");
        List<String> asked = new ArrayList<>();
        String[] replies = {"1", "2", "3", "no", "3", "not at all", "1", "2", "a", "b", "c", "skip"};
        for (String reply : replies) {
            asked.add(chat.ask().progress().text());
            chat.text(reply);
            assertThat(chat.last.accepted()).as(reply).isTrue();
        }
        // "No" policy leaves out policyTopics; "not at all" leaves out both lists; the parts question is asked twice.
        assertThat(asked).containsExactly("question 1 of 14", "question 2 of 14", "question 3 of 14", "question 4 of 14",
                "question 5 of 13", "question 6 of 13", "question 7 of 11", "question 8 of 11", "question 9 of 11",
                "question 9 of 11", "question 10 of 11", "question 11 of 11");
        assertThat(chat.answer("concerns").skipped()).isTrue();
        assertThat(chat.state.answers()).doesNotContainKeys("policyTopics", "experiments", "implementations");
        assertThat(chat.state.stage()).isEqualTo(Stage.SUMMARY);
    }
}
