package nl.peilbot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The ask id names one asking of a step: a client answering an older rendering can be told apart. */
class AskIdTests {

    private static String currentAskId(Chat chat) {
        List<Outbound> current = Chat.ENGINE.current(chat.flow, chat.state);
        return ((Outbound.Ask) current.get(current.size() - 1)).askId();
    }

    @Test
    void shouldGiveTheSameAskIdWhenTheSameAskingIsShownAgain() {
        Chat chat = Chat.smallAtQuestions();
        assertThat(chat.ask().askId()).isNotBlank().isEqualTo(currentAskId(chat));
        chat.text("iets onbegrijpelijks");
        assertThat(chat.last.accepted()).isFalse();
        assertThat(chat.ask().askId()).as("re-asked after a rejected reply").isEqualTo(currentAskId(chat));
    }

    @Test
    void shouldChangeTheAskIdOnTheNextStepButNotWhileOptionsArePressedOneByOne() {
        Chat chat = Chat.smallAtQuestions();
        String first = chat.ask().askId();
        chat.text("1");
        assertThat(chat.step()).isEqualTo("applications");
        String applications = chat.ask().askId();
        assertThat(applications).isNotEqualTo(first);
        chat.choice(chat.buttonCodes().get(0));
        assertThat(chat.step()).isEqualTo("applications");
        assertThat(chat.ask().askId()).isEqualTo(applications);
    }

    @Test
    void shouldChangeTheAskIdWhenBackAsksTheSameStepAnew() {
        Chat chat = Chat.smallAtQuestions();
        String first = chat.ask().askId();
        chat.text("1");
        chat.command(CommandName.BACK, null);
        assertThat(chat.step()).isEqualTo("familiarity");
        assertThat(chat.ask().askId()).isNotEqualTo(first);
    }
}
