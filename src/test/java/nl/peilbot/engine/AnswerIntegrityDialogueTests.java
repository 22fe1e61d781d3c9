package nl.peilbot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Scripted dialogues over {@code flows/lists.yaml} and {@code flows/small.yaml}: nothing given is lost or misfiled. */
class AnswerIntegrityDialogueTests {

    private static Chat lists() {
        Chat chat = new Chat(Chat.LISTS, Map.of(), "nl");
        chat.choice("#yes");
        assertThat(chat.state.currentStep()).isEqualTo("pilots");
        return chat;
    }

    @Nested
    class SkippingKeepsWhatWasGiven {

        @Test
        void shouldOfferSkipOnlyWhileNothingIsGiven() {
            Chat chat = lists();
            assertThat(chat.buttonCodes()).contains("#skip");
            chat.text("Radiologie: beeldherkenning");
            assertThat(chat.buttonCodes()).containsExactly("#done");
            chat.text("Cardiologie: ECG-analyse");
            assertThat(chat.buttonCodes()).containsExactly("#done");
        }

        @ParameterizedTest
        @ValueSource(strings = {"overslaan", "skip", "/overslaan"})
        void shouldRefuseTypedSkipAfterTwoEntriesAndKeepThemOnDone(String skip) {
            Chat chat = lists();
            chat.text("Radiologie: beeldherkenning");
            chat.text("Cardiologie: ECG-analyse");
            chat.text(skip);
            assertThat(chat.last.accepted()).isFalse();
            assertThat(chat.says()).isEqualTo(chat.msg("hint.skip.use.done"));
            chat.choice("#skip");
            assertThat(chat.last.accepted()).isFalse();
            chat.choice("#done");
            assertThat(chat.answer("pilots").skipped()).isFalse();
            assertThat(chat.answer("pilots").entries()).containsExactly(
                    Map.of("unit", "Radiologie", "summary", "beeldherkenning"),
                    Map.of("unit", "Cardiologie", "summary", "ECG-analyse"));
        }

        @Test
        void shouldRefuseSkipWithAHalfEntry() {
            Chat chat = lists();
            chat.text("Radiologie");
            chat.command(CommandName.SKIP, null);
            assertThat(chat.last.accepted()).isFalse();
            assertThat(chat.says()).isEqualTo(chat.msg("hint.skip.would.lose"));
            assertThat(chat.state.pending().entry()).containsEntry("unit", "Radiologie");
        }

        @Test
        void shouldSkipAListWhenNothingWasGiven() {
            Chat chat = lists();
            chat.text("overslaan");
            assertThat(chat.answer("pilots").skipped()).isTrue();
            assertThat(chat.state.currentStep()).isEqualTo("horizon");
        }

        @Test
        void shouldRefuseSkipOfPartsAfterTheFirstPart() {
            Chat chat = lists();
            chat.text("overslaan");
            assertThat(chat.buttonCodes()).contains("#skip");
            chat.text("Spraakherkenning");
            assertThat(chat.buttonCodes()).doesNotContain("#skip");
            chat.text("overslaan");
            assertThat(chat.last.accepted()).isFalse();
            chat.text("Beslissingsondersteuning");
            assertThat(chat.answer("horizon").parts())
                    .isEqualTo(Map.of("soon", "Spraakherkenning", "later", "Beslissingsondersteuning"));
        }

        @Test
        void shouldRefuseSkipWithOptionsPressed() {
            Chat chat = lists();
            chat.text("overslaan");
            chat.text("overslaan");
            assertThat(chat.state.currentStep()).isEqualTo("tools");
            chat.choice("chat");
            assertThat(chat.buttonCodes()).doesNotContain("#skip");
            chat.text("overslaan");
            assertThat(chat.last.accepted()).isFalse();
            assertThat(chat.state.pending().selected()).containsExactly("chat");
        }
    }

    @Nested
    class ColonsInEntries {

        @Test
        void shouldSplitANameAndADescription() {
            Chat chat = lists();
            chat.text("Radiologie: beeldherkenning van longnodules");
            assertThat(chat.state.pending().entries())
                    .containsExactly(Map.of("unit", "Radiologie", "summary", "beeldherkenning van longnodules"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Spoedeisende hulp 10:30 triage", "Zie http://intranet/ai", "10: proef met triage",
                "Een proef met spraakherkenning bij de polikliniek: loopt", "Zie https://intranet.example/ai voor alles",
                "Ratio 1:2 tussen mens en model"})
        void shouldKeepATextThatIsNoNameAsDescriptionAndAskTheName(String text) {
            Chat chat = lists();
            chat.text(text);
            assertThat(chat.last.accepted()).isTrue();
            assertThat(chat.state.pending().entry()).isEqualTo(Map.of("summary", text));
            assertThat(chat.says()).isEqualTo(chat.msg("list.noted", "Omschrijving", "Afdeling"));
            assertThat(chat.ask().text()).isEqualTo(chat.msg("list.field", 1, "Afdeling"));
            chat.text("Spoedeisende hulp");
            assertThat(chat.state.pending().entries()).containsExactly(Map.of("unit", "Spoedeisende hulp", "summary", text));
        }

        @ParameterizedTest
        @ValueSource(strings = {"10:30", "http://intranet/ai", "1234", "Een hele lange zin die geen naam is"})
        void shouldRefuseANameThatIsNone(String name) {
            Chat chat = lists();
            chat.text("Spoedeisende hulp 10:30 triage");
            chat.text(name);
            assertThat(chat.last.accepted()).isFalse();
            assertThat(chat.says()).isEqualTo(chat.msg("hint.list.name", "Afdeling"));
            assertThat(chat.state.pending().entry()).isEqualTo(Map.of("summary", "Spoedeisende hulp 10:30 triage"));
        }

        @Test
        void shouldTakeAColonInTheDescriptionAsText() {
            Chat chat = lists();
            chat.text("Spoedeisende hulp");
            chat.text("triage om 10:30: zie http://intranet/ai");
            assertThat(chat.state.pending().entries())
                    .containsExactly(Map.of("unit", "Spoedeisende hulp", "summary", "triage om 10:30: zie http://intranet/ai"));
        }

        @Test
        void shouldTakeADescriptionAfterAnEmptyName() {
            Chat chat = lists();
            chat.text(": beeldherkenning");
            assertThat(chat.state.pending().entry()).isEqualTo(Map.of("summary", "beeldherkenning"));
            assertThat(chat.ask().text()).isEqualTo(chat.msg("list.field", 1, "Afdeling"));
        }
    }

    @Nested
    class CommandsOnlyAsAWholeMessage {

        @ParameterizedTest
        @ValueSource(strings = {"Begin met een pilot op de SEH", "Start met AI in de radiologie", "Lang leve de AI",
                "Taal- en spraaktechnologie", "Language models voor verslaglegging", "Terug naar de basis", "Help bij triage",
                "Taal en", "Start", "terug"})
        void shouldStoreAnAnswerThatStartsWithACommandWord(String answer) {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil("policyTopics");
            chat.text(answer);
            boolean wholeCommand = List.of("Taal en", "Start", "terug").contains(answer);
            if (wholeCommand) {
                assertThat(chat.answer("policyTopics")).isNull();
                return;
            }
            assertThat(chat.last.accepted()).isTrue();
            assertThat(chat.answer("policyTopics").text()).isEqualTo(answer);
            assertThat(chat.state.currentStep()).isEqualTo("champion");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Terug!", " terug. ", "/terug", "/back@PeilbotBot"})
        void shouldTakeAWholeCommandWithPunctuationAsCommand(String typed) {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil("policyTopics");
            chat.text(typed);
            assertThat(chat.state.currentStep()).isEqualTo("policy");
        }

        @Test
        void shouldSwitchLanguageOnlyWithALanguageAfterTheWord() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil("policyTopics");
            chat.text("taal en");
            assertThat(chat.state.language()).isEqualTo("en");
            assertThat(chat.answer("policyTopics")).isNull();
            chat.text("language nederlands");
            assertThat(chat.state.language()).isEqualTo("nl");
            chat.send(new Inbound.Command(CommandName.LANGUAGE, "en"));
            assertThat(chat.state.language()).isEqualTo("en");
        }

        @Test
        void shouldTakeAListEntryStartingWithACommandWordAsEntry() {
            Chat chat = lists();
            chat.text("Taal- en spraaktechnologie: verslaglegging");
            assertThat(chat.state.pending().entries())
                    .containsExactly(Map.of("unit", "Taal- en spraaktechnologie", "summary", "verslaglegging"));
        }
    }

    @Nested
    class ControlCharacters {

        @Test
        void shouldRemoveControlAndBidiCharactersFromStoredAnswers() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil("policyTopics");
            chat.text("Verant\u0000woorde\u0007lijk\u202Eheid\u2066 en\u0085 \u001b[31mprivacy\u2069\r\nregel 2\tkolom");
            assertThat(chat.answer("policyTopics").text()).isEqualTo("Verantwoordelijkheid en [31mprivacy\nregel 2\tkolom");
        }

        @Test
        void shouldRemoveThemFromInvitationProfiles() {
            Chat chat = new Chat(Chat.SMALL, Map.of("hospital", "Ziekenhuis\u202E Oost\u0000"), "nl");
            assertThat(chat.answer("hospital").text()).isEqualTo("Ziekenhuis Oost");
        }

        @Test
        void shouldTreatATextOfOnlyControlCharactersAsEmpty() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil("policyTopics");
            chat.text("\u0000\u0007\u202E");
            assertThat(chat.last.accepted()).isFalse();
            assertThat(chat.says()).isEqualTo(chat.msg("hint.empty"));
        }
    }

    @Nested
    class RespondentsRights {

        @ParameterizedTest
        @ValueSource(strings = {"mijn gegevens", "My data", "/mijngegevens"})
        void shouldShowEveryAnswerKeptAndStayAtTheQuestion(String typed) {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil("experiments");
            chat.text("Radiologie: beeldherkenning");
            chat.text("Cardiologie");
            chat.text(typed);
            assertThat(chat.last.accepted()).isTrue();
            assertThat(chat.says()).startsWith(chat.msg("mydata.heading"))
                    .contains("Ziekenhuis Oost", "CMIO", "Bekend", "Machine learning", "Natural language processing",
                            "Verantwoordelijkheid", "Radiologie: beeldherkenning; Cardiologie")
                    .endsWith(chat.msg("mydata.rights"));
            assertThat(chat.state.currentStep()).isEqualTo("experiments");
            assertThat(chat.state.pending().entry()).containsEntry("specialism", "Cardiologie");
        }

        @Test
        void shouldShowTheDataAfterSubmittingToo() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil(null);
            chat.choice("#submit");
            assertThat(chat.state.stage()).isEqualTo(Stage.COMPLETED);
            chat.text("mijn gegevens");
            assertThat(chat.says()).startsWith(chat.msg("mydata.heading")).contains("Kennis");
            chat.text("terug");
            assertThat(chat.last.accepted()).isFalse();
            assertThat(chat.state.stage()).isEqualTo(Stage.COMPLETED);
        }

        @Test
        void shouldSayThereIsNothingBeforeAnyAnswer() {
            Chat chat = Chat.small();
            chat.text("my data");
            assertThat(chat.says()).isEqualTo(chat.msg("mydata.none"));
            assertThat(chat.step()).isEqualTo("#consent");
        }

        @Test
        void shouldAskBeforeDeletingAndGoOnWhereTheRespondentWasOnNo() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil("experiments");
            chat.text("Radiologie");
            ConversationState before = chat.state;
            chat.text("verwijder");
            assertThat(chat.state.stage()).isEqualTo(Stage.CONFIRMING_DELETE);
            assertThat(chat.ask().text()).isEqualTo(chat.msg("delete.ask"));
            assertThat(chat.buttonCodes()).containsExactly("#yes", "#no");
            chat.text("nee");
            assertThat(chat.says()).startsWith(chat.msg("delete.cancelled"));
            assertThat(chat.state).isEqualTo(before);
        }

        @ParameterizedTest
        @ValueSource(strings = {"ja", "#yes"})
        void shouldLeaveNothingAfterAConfirmedDeletion(String yes) {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil(null);
            chat.choice("#submit");
            chat.send(new Inbound.Command(CommandName.DELETE, null));
            assertThat(chat.state.stage()).isEqualTo(Stage.CONFIRMING_DELETE);
            if (yes.startsWith("#")) {
                chat.choice(yes);
            } else {
                chat.text(yes);
            }
            assertThat(chat.state.stage()).isEqualTo(Stage.WITHDRAWN);
            assertThat(chat.state.answers()).isEmpty();
            assertThat(chat.last.messages()).containsExactly(new Outbound.Say(chat.msg("delete.done")));
            chat.text("Nog een antwoord");
            assertThat(chat.last.accepted()).isFalse();
            assertThat(chat.state.stage()).isEqualTo(Stage.WITHDRAWN);
        }

        @Test
        void shouldListTheRightsInHelp() {
            Chat chat = Chat.small();
            chat.text("help");
            assertThat(chat.says()).contains("mijn gegevens", "verwijder");
            chat.text("taal en");
            chat.text("help");
            assertThat(chat.says()).contains("my data", "delete");
        }
    }
}
