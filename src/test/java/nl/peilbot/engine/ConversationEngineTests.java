package nl.peilbot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConversationEngineTests {

    @Nested
    class Consent {

        @Test
        void shouldStartAtConsentWithIntroAndYesNoButtons() {
            Chat chat = Chat.small();
            assertThat(chat.state.stage()).isEqualTo(Stage.CONSENT);
            assertThat(chat.state.currentStep()).isNull();
            List<Outbound> current = Chat.ENGINE.current(chat.flow, chat.state);
            assertThat(current.get(0)).isEqualTo(new Outbound.Say("Welkom bij de test."));
            Outbound.Ask ask = (Outbound.Ask) current.get(1);
            assertThat(ask.stepId()).isEqualTo("#consent");
            assertThat(ask.text()).isEqualTo("Wij bewaren uw antwoorden. Doet u mee?");
            assertThat(ask.buttons()).containsExactly(new Button("#yes", "Ja, ik doe mee", 0), new Button("#no", "Nee", 0));
            assertThat(ask.progress()).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"ja", "Yes", "JA!", "ja, ik doe mee", "/start"})
        void shouldAcceptTypedConsentOrStart(String reply) {
            Chat chat = Chat.small();
            chat.text(reply);
            if (reply.equals("/start")) {
                assertThat(chat.state.stage()).isEqualTo(Stage.CONSENT);
                assertThat(chat.step()).isEqualTo("#consent");
                return;
            }
            assertThat(chat.last.accepted()).isTrue();
            assertThat(chat.state.stage()).isEqualTo(Stage.ASKING);
            assertThat(chat.state.currentStep()).isEqualTo("hospital");
        }

        @ParameterizedTest
        @ValueSource(strings = {"nee", "No", "#no"})
        void shouldDeclineAndAskConsentAgainOnStart(String reply) {
            Chat chat = Chat.small();
            if (reply.startsWith("#")) {
                chat.choice(reply);
            } else {
                chat.text(reply);
            }
            assertThat(chat.state.stage()).isEqualTo(Stage.DECLINED);
            assertThat(chat.says()).isEqualTo(chat.msg("declined.message"));
            assertThat(chat.step()).isEqualTo("#declined");
            assertThat(chat.buttonCodes()).containsExactly("#start");
            chat.text("start");
            assertThat(chat.state.stage()).isEqualTo(Stage.CONSENT);
            assertThat(chat.says()).isEqualTo("Welkom bij de test.");
            assertThat(chat.step()).isEqualTo("#consent");
            chat.choice("#yes");
            assertThat(chat.state.stage()).isEqualTo(Stage.ASKING);
        }

        @Test
        void shouldRejectOtherTextAtConsent() {
            Chat chat = Chat.small();
            chat.text("misschien");
            assertThat(chat.last.accepted()).isFalse();
            assertThat(chat.says()).isEqualTo(chat.msg("hint.yes.no"));
            assertThat(chat.step()).isEqualTo("#consent");
        }

        @Test
        void shouldPrefillProfileFromInvitationAndSkipThoseFields() {
            Chat chat = new Chat(Chat.SMALL, Map.of("hospital", "Ziekenhuis Oost", "role", "cmio", "unknown", "x"), "nl");
            assertThat(chat.answer("hospital").text()).isEqualTo("Ziekenhuis Oost");
            assertThat(chat.answer("hospital").source()).isEqualTo("invitation");
            assertThat(chat.answer("role").choices()).containsExactly(new ChosenOption("cmio", "CMIO"));
            assertThat(chat.state.answers()).containsOnlyKeys("hospital", "role");
            chat.choice("#yes");
            assertThat(chat.state.currentStep()).isEqualTo("familiarity");
        }

        @Test
        void shouldStartInRequestedLanguageOrInTheDefault() {
            assertThat(new Chat(Chat.SMALL, Map.of(), "EN").state.language()).isEqualTo("en");
            assertThat(new Chat(Chat.SMALL, Map.of(), "fr").state.language()).isEqualTo("nl");
            assertThat(new Chat(Chat.SMALL, null, null).state.language()).isEqualTo("nl");
        }

        @Test
        void shouldAcceptProfileChoiceGivenAsLabel() {
            Chat chat = new Chat(Chat.SMALL, Map.of("role", "CMIO"), "nl");
            assertThat(chat.answer("role").codes()).containsExactly("cmio");
        }

        @Test
        void shouldAskProfileFieldsTheInvitationDidNotFill() {
            Chat chat = new Chat(Chat.SMALL, Map.of("role", "bogus"), "en");
            assertThat(chat.state.answers()).isEmpty();
            chat.choice("#yes");
            assertThat(chat.state.currentStep()).isEqualTo("hospital");
            assertThat(chat.ask().text()).isEqualTo("Which hospital do you work for?");
            assertThat(chat.ask().progress()).isNull();
            chat.text("Ziekenhuis West");
            assertThat(chat.state.currentStep()).isEqualTo("role");
            chat.text("cio");
            assertThat(chat.answer("role").source()).isEqualTo("chat");
            assertThat(chat.state.currentStep()).isEqualTo("familiarity");
        }
    }

    @Nested
    class SingleChoice {

        @ParameterizedTest
        @ValueSource(strings = {"2", "redelijk bekend", "Redelijk Bekend.", "fairlyFamiliar", "fairly familiar", "redelik bekend", "  2  "})
        void shouldRecogniseNumberCodeLabelAndTypo(String reply) {
            Chat chat = Chat.smallAtQuestions();
            chat.text(reply);
            assertThat(chat.last.accepted()).isTrue();
            assertThat(chat.answer("familiarity").choices()).containsExactly(new ChosenOption("fairlyFamiliar", "Redelijk bekend"));
        }

        @Test
        void shouldAcceptButton() {
            Chat chat = Chat.smallAtQuestions();
            assertThat(chat.ask().input()).isEqualTo(Outbound.InputKind.SINGLE_CHOICE);
            assertThat(chat.ask().buttons()).first().isEqualTo(new Button("familiar", "Bekend", 1));
            chat.choice("unfamiliar");
            assertThat(chat.answer("familiarity").codes()).containsExactly("unfamiliar");
            assertThat(chat.state.currentStep()).isEqualTo("applications");
        }

        @ParameterizedTest
        @ValueSource(strings = {"9", "0", "blauw", "1, 2", "redelijk"})
        void shouldReaskWithHintOnUnknownReply(String reply) {
            Chat chat = Chat.smallAtQuestions();
            ConversationState before = chat.state;
            chat.text(reply);
            assertThat(chat.last.accepted()).isFalse();
            assertThat(chat.state).isEqualTo(before);
            assertThat(chat.last.messages()).hasSize(2);
            assertThat(chat.says()).isEqualTo(chat.msg("hint.choose.one"));
            assertThat(chat.step()).isEqualTo("familiarity");
        }

        @Test
        void shouldAskNamelyForOtherOptionInSingleChoice() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil("champion");
            chat.text("anders");
            assertThat(chat.state.pending().awaitingOther()).isTrue();
            assertThat(chat.ask().input()).isEqualTo(Outbound.InputKind.TEXT);
            assertThat(chat.ask().text()).isEqualTo(chat.msg("other.ask", "Anders, namelijk"));
            chat.text("Een werkgroep");
            assertThat(chat.answer("champion").codes()).containsExactly("other");
            assertThat(chat.answer("champion").otherText()).isEqualTo("Een werkgroep");
        }
    }

    @Nested
    class MultipleChoice {

        @ParameterizedTest
        @ValueSource(strings = {"1, 3 en 4", "1,3 and 4", "1 3 4", "machine learning, beeldherkenning en robotica", "ml;vision;robotics", "1, 3 & Robotics"})
        void shouldAcceptSeveralOptionsAtOnce(String reply) {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil("applications");
            chat.text(reply);
            assertThat(chat.last.accepted()).isTrue();
            assertThat(chat.answer("applications").codes()).containsExactly("ml", "vision", "robotics");
            assertThat(chat.answer("applications").choices().get(1)).isEqualTo(new ChosenOption("vision", "Beeldherkenning"));
        }

        @Test
        void shouldToggleButtonsOneByOneAndFinishWithDone() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil("applications");
            assertThat(chat.ask().input()).isEqualTo(Outbound.InputKind.MULTIPLE_CHOICE);
            assertThat(chat.buttonCodes()).endsWith("#done");
            chat.choice("nlp");
            chat.choice("ml");
            assertThat(chat.ask().selected()).containsExactly("nlp", "ml");
            chat.choice("nlp");
            assertThat(chat.ask().selected()).containsExactly("ml");
            chat.choice("robotics");
            chat.text("klaar");
            assertThat(chat.answer("applications").codes()).containsExactly("ml", "robotics");
            assertThat(chat.state.currentStep()).isEqualTo("policy");
        }

        @Test
        void shouldStartFromTheEarlierAnswerWhenGoingBack() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil("policy");
            chat.text("terug");
            assertThat(chat.state.currentStep()).isEqualTo("applications");
            assertThat(chat.ask().selected()).containsExactly("ml", "nlp");
            chat.choice("robotics");
            chat.choice("#done");
            assertThat(chat.answer("applications").codes()).containsExactly("ml", "nlp", "robotics");
        }

        @Test
        void shouldRejectDoneWithNothingSelected() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil("applications");
            chat.choice("#done");
            assertThat(chat.last.accepted()).isFalse();
            assertThat(chat.says()).isEqualTo(chat.msg("hint.nothing.selected"));
        }

        @Test
        void shouldAskOtherTextAfterListIncludingOther() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil("applications");
            chat.text("1 en 5");
            assertThat(chat.state.pending().awaitingOther()).isTrue();
            assertThat(chat.ask().buttons()).isEmpty();
            chat.text("Robotic Process Automation");
            Answer answer = chat.answer("applications");
            assertThat(answer.codes()).containsExactly("ml", "other");
            assertThat(answer.otherText()).isEqualTo("Robotic Process Automation");
        }

        @Test
        void shouldAskOtherTextWhenDoneWithOtherToggled() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil("applications");
            chat.choice("other");
            chat.choice("#done");
            assertThat(chat.state.pending().awaitingOther()).isTrue();
            chat.text("   ");
            assertThat(chat.last.accepted()).isFalse();
            chat.text("Eigen ontwikkeling");
            assertThat(chat.answer("applications").otherText()).isEqualTo("Eigen ontwikkeling");
        }

        @Test
        void shouldRejectExclusiveOptionCombinedWithOthers() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil("applications");
            chat.text("1 en 6");
            assertThat(chat.last.accepted()).isFalse();
            assertThat(chat.says()).isEqualTo(chat.msg("hint.exclusive", "Geen"));
            chat.text("geen");
            assertThat(chat.answer("applications").codes()).containsExactly("none");
        }

        @Test
        void shouldLetExclusiveButtonReplaceOtherSelections() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil("applications");
            chat.choice("ml");
            chat.choice("none");
            assertThat(chat.state.pending().selected()).containsExactly("none");
            chat.choice("vision");
            assertThat(chat.state.pending().selected()).containsExactly("vision");
        }
    }

    @Nested
    class OpenAnswers {

        @Test
        void shouldKeepOpenTextAsGiven() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil("policyTopics");
            assertThat(chat.ask().input()).isEqualTo(Outbound.InputKind.TEXT);
            chat.text("  Verantwoordelijkheid, AVG & ethiek  ");
            assertThat(chat.answer("policyTopics").text()).isEqualTo("Verantwoordelijkheid, AVG & ethiek");
        }

        @Test
        void shouldRejectTooLongTextAndAcceptTheLimit() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil("policyTopics");
            chat.text("x".repeat(2001));
            assertThat(chat.last.accepted()).isFalse();
            assertThat(chat.says()).isEqualTo(chat.msg("hint.too.long", 2000));
            chat.text("é".repeat(2000));
            assertThat(chat.answer("policyTopics").text()).hasSize(2000);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "\n\t"})
        void shouldRejectEmptyText(String reply) {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil("policyTopics");
            chat.text(reply);
            assertThat(chat.last.accepted()).isFalse();
            assertThat(chat.says()).isEqualTo(chat.msg("hint.empty"));
            chat.send(new Inbound.Text(null));
            assertThat(chat.last.accepted()).isFalse();
        }

        @Test
        void shouldAskOpenListFieldByFieldUpToMaxItems() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil("experiments");
            assertThat(chat.ask().text()).contains("Bij welke specialismen", "Antwoord 1, Specialisme of proces:");
            assertThat(chat.ask().details()).as("the hint, to be folded")
                    .isEqualTo(new Outbound.Details(chat.msg("details.hint"), "Maximaal drie."));
            assertThat(chat.buttonCodes()).isEmpty();
            chat.text("Radiologie");
            assertThat(chat.ask().text()).isEqualTo("Antwoord 1, Omschrijving:");
            chat.text("Beeldherkenning: longnodules");
            assertThat(chat.buttonCodes()).containsExactly("#done");
            chat.text("IC: heropnames voorspellen");
            chat.text("Cardiologie");
            chat.text("Thuismetingen");
            assertThat(chat.state.currentStep()).isEqualTo("support");
            assertThat(chat.answer("experiments").entries()).containsExactly(
                    Map.of("specialism", "Radiologie", "description", "Beeldherkenning: longnodules"),
                    Map.of("specialism", "IC", "description", "heropnames voorspellen"),
                    Map.of("specialism", "Cardiologie", "description", "Thuismetingen"));
        }

        @Test
        void shouldEndOpenListWithDoneOnlyAfterCompleteEntry() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil("experiments");
            chat.text("klaar");
            assertThat(chat.last.accepted()).isFalse();
            assertThat(chat.says()).isEqualTo(chat.msg("hint.list.empty"));
            chat.text("Radiologie:");
            assertThat(chat.state.pending().entry()).containsExactly(Map.entry("specialism", "Radiologie"));
            chat.choice("#done");
            assertThat(chat.last.accepted()).isFalse();
            assertThat(chat.says()).isEqualTo(chat.msg("hint.not.offered"));
            chat.text("Beeldherkenning");
            chat.choice("#done");
            assertThat(chat.answer("experiments").entries()).hasSize(1);
            assertThat(chat.state.currentStep()).isEqualTo("support");
        }

        @Test
        void shouldAskOpenPartsInTurn() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil("support");
            assertThat(chat.ask().text()).contains("Door welke toepassingen", "Korte termijn:");
            chat.text("Beeldherkenning");
            assertThat(chat.ask().text()).isEqualTo("Lange termijn:");
            chat.text("Diagnostiek");
            assertThat(chat.answer("support").parts()).isEqualTo(Map.of("shortTerm", "Beeldherkenning", "longTerm", "Diagnostiek"));
        }
    }

    @Nested
    class Rejections {

        @Test
        void shouldRejectButtonThatIsNotOffered() {
            Chat chat = Chat.smallAtQuestions();
            ConversationState before = chat.state;
            chat.choice("ml");
            assertThat(chat.last.accepted()).isFalse();
            assertThat(chat.state).isEqualTo(before);
            assertThat(chat.says()).isEqualTo(chat.msg("hint.not.offered"));
            chat.choice("#submit");
            assertThat(chat.last.accepted()).isFalse();
            chat.send(new Inbound.Choice(null));
            assertThat(chat.last.accepted()).isFalse();
        }

        @Test
        void shouldTreatUnknownCommandAsAnswerAttempt() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil("policyTopics");
            chat.text("/foo");
            assertThat(chat.answer("policyTopics").text()).isEqualTo("/foo");
            chat = Chat.smallAtQuestions();
            chat.text("/foo");
            assertThat(chat.last.accepted()).isFalse();
            assertThat(chat.says()).isEqualTo(chat.msg("hint.choose.one"));
        }

        @Test
        void shouldTakeTypedTextWhenButtonsAreExpected() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil("policy");
            chat.text("nog niet");
            assertThat(chat.answer("policy").codes()).containsExactly("soon");
        }
    }

    @Nested
    class Commands {

        @ParameterizedTest
        @ValueSource(strings = {"terug", "vorige", "back", "/back", "/terug", "Previous"})
        void shouldGoBackWithCurrentValueShown(String word) {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil("policy");
            chat.text(word);
            assertThat(chat.last.accepted()).isTrue();
            assertThat(chat.state.currentStep()).isEqualTo("applications");
            assertThat(chat.ask().text()).contains(chat.msg("current.value", "Machine learning, Natural language processing"));
            chat.text("3");
            assertThat(chat.answer("applications").codes()).containsExactly("vision");
            assertThat(chat.state.currentStep()).isEqualTo("policy");
        }

        @Test
        void shouldGoBackAcrossBranch() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil("policy");
            chat.text("nee");
            assertThat(chat.state.currentStep()).isEqualTo("champion");
            chat.command(CommandName.BACK, null);
            assertThat(chat.state.currentStep()).isEqualTo("policy");
            chat.text("ja");
            assertThat(chat.state.currentStep()).isEqualTo("policyTopics");
            chat.text("Ethiek");
            chat.text("terug");
            assertThat(chat.state.currentStep()).isEqualTo("policyTopics");
            chat.text("terug");
            chat.text("terug");
            assertThat(chat.state.currentStep()).isEqualTo("applications");
        }

        @Test
        void shouldNotGoBackBeforeFirstStep() {
            Chat chat = Chat.smallAtQuestions();
            chat.text("terug");
            assertThat(chat.last.accepted()).isFalse();
            assertThat(chat.says()).isEqualTo(chat.msg("hint.no.previous"));
            chat = Chat.small();
            chat.text("back");
            assertThat(chat.last.accepted()).isFalse();
        }

        @Test
        void shouldGoBackToChatProfileFieldFromFirstQuestion() {
            Chat chat = Chat.small();
            chat.choice("#yes");
            chat.text("Oost");
            chat.text("1");
            assertThat(chat.state.currentStep()).isEqualTo("familiarity");
            chat.text("terug");
            assertThat(chat.state.currentStep()).isEqualTo("role");
            assertThat(chat.ask().progress()).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"overslaan", "skip", "/skip", "sla over"})
        void shouldSkipOnlyWhereOptional(String word) {
            Chat chat = Chat.smallAtQuestions();
            chat.text(word);
            assertThat(chat.last.accepted()).isFalse();
            assertThat(chat.says()).isEqualTo(chat.msg("hint.skip.not.allowed"));
            chat.answerSmallUntil("champion");
            assertThat(chat.buttonCodes()).contains("#skip");
            chat.text(word);
            assertThat(chat.answer("champion").skipped()).isTrue();
            assertThat(chat.state.currentStep()).isEqualTo("experiments");
        }

        @Test
        void shouldSkipWithButton() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil("concerns");
            chat.choice("#skip");
            assertThat(chat.answer("concerns").skipped()).isTrue();
            assertThat(chat.state.stage()).isEqualTo(Stage.SUMMARY);
            assertThat(chat.says()).contains("Wat zijn uw grootste zorgen? — (overgeslagen)");
        }

        @ParameterizedTest
        @ValueSource(strings = {"help", "/help", "hulp", "?"})
        void shouldShowHelpAndAskAgain(String word) {
            Chat chat = Chat.smallAtQuestions();
            ConversationState before = chat.state;
            chat.text(word);
            assertThat(chat.last.accepted()).isTrue();
            assertThat(chat.state).isEqualTo(before);
            assertThat(chat.says()).isEqualTo(chat.msg("help"));
            assertThat(chat.step()).isEqualTo("familiarity");
        }

        @Test
        void shouldRestartAfterConfirmationKeepingInvitationProfile() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil("policyTopics");
            chat.text("opnieuw");
            assertThat(chat.state.stage()).isEqualTo(Stage.CONFIRMING_RESTART);
            assertThat(chat.step()).isEqualTo("#restart");
            assertThat(chat.buttonCodes()).containsExactly("#yes", "#no");
            chat.text("ja");
            assertThat(chat.says()).isEqualTo(chat.msg("restart.done"));
            assertThat(chat.state.stage()).isEqualTo(Stage.ASKING);
            assertThat(chat.state.currentStep()).isEqualTo("familiarity");
            assertThat(chat.state.answers()).containsOnlyKeys("hospital", "role");
        }

        @Test
        void shouldResumeWhereItWasWhenRestartIsCancelled() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil("experiments");
            chat.text("Radiologie");
            ConversationState before = chat.state;
            chat.command(CommandName.RESTART, null);
            chat.choice("#no");
            assertThat(chat.says()).isEqualTo(chat.msg("restart.cancelled"));
            assertThat(chat.state).isEqualTo(before);
            assertThat(chat.ask().text()).isEqualTo("Antwoord 1, Omschrijving:");
            chat.text("restart");
            chat.text("nee");
            assertThat(chat.state).isEqualTo(before);
        }

        @Test
        void shouldRestartFromSummary() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil(null);
            assertThat(chat.state.stage()).isEqualTo(Stage.SUMMARY);
            chat.text("/restart");
            chat.text("no");
            assertThat(chat.state.stage()).isEqualTo(Stage.SUMMARY);
            assertThat(chat.says()).contains(chat.msg("summary.heading"));
            chat.text("herstart");
            chat.choice("#yes");
            assertThat(chat.state.currentStep()).isEqualTo("familiarity");
        }

        @Test
        void shouldNotRestartBeforeConsent() {
            Chat chat = Chat.small();
            chat.text("opnieuw");
            assertThat(chat.last.accepted()).isFalse();
            assertThat(chat.says()).isEqualTo(chat.msg("hint.nothing.to.restart"));
        }

        @Test
        void shouldToggleLanguageAndRerenderInIt() {
            Chat chat = Chat.smallAtQuestions();
            chat.text("taal");
            assertThat(chat.state.language()).isEqualTo("en");
            assertThat(chat.says()).isEqualTo("We will continue in English.");
            assertThat(chat.ask().text()).isEqualTo("How familiar are you with AI?");
            assertThat(chat.ask().progress().text()).isEqualTo("question 1 of 8");
            chat.text("/language");
            assertThat(chat.state.language()).isEqualTo("nl");
            assertThat(chat.ask().progress().text()).isEqualTo("vraag 1 van 8");
        }

        @ParameterizedTest
        @ValueSource(strings = {"taal en", "Taal EN", "/taal en", "language english", "taal engels"})
        void shouldSwitchToNamedLanguage(String command) {
            Chat chat = Chat.small();
            chat.text(command);
            assertThat(chat.state.language()).isEqualTo("en");
            assertThat(chat.last.messages()).containsExactly(new Outbound.Say("We will continue in English."),
                    new Outbound.Say("Welcome to the test."), chat.ask());
            assertThat(chat.ask().buttons()).extracting(Button::label).containsExactly("Yes, I will take part", "No");
            chat.command(CommandName.LANGUAGE, "nl");
            assertThat(chat.state.language()).isEqualTo("nl");
        }

        @Test
        void shouldRejectUnknownLanguage() {
            Chat chat = Chat.small();
            chat.text("/taal fr");
            assertThat(chat.last.accepted()).isFalse();
            assertThat(chat.says()).isEqualTo(chat.msg("hint.unknown.language", "Nederlands, English"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"waar", "waar ben ik?", "where am I", "/where"})
        void shouldSayWhereTheRespondentIs(String word) {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil("policy");
            chat.text(word);
            assertThat(chat.last.accepted()).isTrue();
            // policyTopics still counts: it depends on the answer to this very question.
            assertThat(chat.says()).isEqualTo(chat.msg("where.question", 3, 8, 5));
            assertThat(chat.ask().progress().current()).isEqualTo(3);
            assertThat(chat.ask().progress().total()).isEqualTo(8);
            assertThat(chat.step()).isEqualTo("policy");
        }

        @Test
        void shouldSayWhereAtConsentProfileAndSummary() {
            Chat chat = Chat.small();
            chat.text("waar");
            assertThat(chat.says()).isEqualTo(chat.msg("where.consent"));
            chat.choice("#yes");
            chat.command(CommandName.WHERE, null);
            assertThat(chat.says()).isEqualTo(chat.msg("where.profile"));
            chat = Chat.smallAtQuestions().answerSmallUntil(null);
            chat.text("where");
            assertThat(chat.says()).isEqualTo(chat.msg("where.summary"));
        }

        @Test
        void shouldCountLastQuestionAsLast() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil("concerns");
            chat.text("waar");
            assertThat(chat.says()).isEqualTo("U bent bij vraag 8 van 8. Dit is de laatste vraag.");
        }

        @Test
        void shouldTreatStartDuringQuestionsAsShowAgain() {
            Chat chat = Chat.smallAtQuestions();
            ConversationState before = chat.state;
            chat.text("start");
            assertThat(chat.state).isEqualTo(before);
            assertThat(chat.step()).isEqualTo("familiarity");
        }
    }

    @Nested
    class SkipLogic {

        @Test
        void shouldAskConditionalQuestionOnlyWhenConditionHolds() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil("policy");
            chat.text("2");
            assertThat(chat.state.currentStep()).isEqualTo("policyTopics");
            chat = Chat.smallAtQuestions().answerSmallUntil("policy");
            chat.text("3");
            assertThat(chat.state.currentStep()).isEqualTo("champion");
        }

        @Test
        void shouldDropPolicyTopicsWhenPolicyChangesFromYesToNo() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil("champion");
            assertThat(chat.answer("policyTopics")).isNotNull();
            chat.text("terug");
            chat.text("terug");
            assertThat(chat.state.currentStep()).isEqualTo("policy");
            chat.text("nee");
            assertThat(chat.state.answers()).doesNotContainKey("policyTopics");
            assertThat(chat.state.currentStep()).isEqualTo("champion");
            chat.text("terug");
            assertThat(chat.state.currentStep()).isEqualTo("policy");
        }
    }

    @Nested
    class Summary {

        @Test
        void shouldListAnswersAndOfferSubmitAndChange() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil(null);
            assertThat(chat.state.stage()).isEqualTo(Stage.SUMMARY);
            assertThat(chat.says()).startsWith("Dit zijn uw antwoorden:\n• Voor welk ziekenhuis werkt u? — Ziekenhuis Oost\n• Wat is uw rol? — CMIO\n"
                    + "1. In hoeverre bent u bekend met AI? — Bekend\n");
            assertThat(chat.says()).contains("6. Bij welke specialismen lopen AI-experimenten? — Radiologie: beeldherkenning",
                    "7. Door welke toepassingen verwacht u de meeste ondersteuning? — Korte termijn: Beeldherkenning; Lange termijn: Diagnostiek");
            assertThat(chat.step()).isEqualTo("#summary");
            assertThat(chat.buttonCodes()).containsExactly("#submit", "#change");
            assertThat(chat.ask().progress()).isNull();
        }

        @Test
        void shouldChangeOneAnswerAndReturnToSummary() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil(null);
            chat.choice("#change");
            assertThat(chat.state.stage()).isEqualTo(Stage.CHOOSING_CHANGE);
            assertThat(chat.step()).isEqualTo("#change");
            assertThat(chat.ask().buttons()).hasSize(8).first().isEqualTo(new Button("familiarity", "In hoeverre bent u bekend met AI?", 1));
            chat.text("1");
            assertThat(chat.state.currentStep()).isEqualTo("familiarity");
            assertThat(chat.state.returnToSummary()).isTrue();
            assertThat(chat.ask().text()).contains(chat.msg("current.value", "Bekend"));
            chat.text("neutraal");
            assertThat(chat.state.stage()).isEqualTo(Stage.SUMMARY);
            assertThat(chat.says()).contains("1. In hoeverre bent u bekend met AI? — Neutraal");
        }

        @Test
        void shouldAskNewlyApplicableQuestionsBeforeReturningToSummary() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil("policy");
            chat.text("nee");
            chat.text("1");
            chat.text("Radiologie: beeld");
            chat.text("klaar");
            chat.text("a");
            chat.text("b");
            chat.text("c");
            assertThat(chat.state.stage()).isEqualTo(Stage.SUMMARY);
            chat.text("wijzigen");
            chat.choice("policy");
            chat.text("ja");
            assertThat(chat.state.currentStep()).isEqualTo("policyTopics");
            chat.text("Governance");
            assertThat(chat.state.stage()).isEqualTo(Stage.SUMMARY);
        }

        @Test
        void shouldGoBackFromChangeListAndFromChangedQuestionToSummary() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil(null);
            chat.text("change");
            chat.text("terug");
            assertThat(chat.state.stage()).isEqualTo(Stage.SUMMARY);
            chat.choice("#change");
            chat.choice("support");
            chat.text("Kort");
            chat.text("back");
            assertThat(chat.state.stage()).isEqualTo(Stage.SUMMARY);
            assertThat(chat.answer("support").parts()).containsEntry("shortTerm", "Beeldherkenning");
        }

        @Test
        void shouldGoBackFromSummaryToLastQuestion() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil(null);
            chat.text("terug");
            assertThat(chat.state.currentStep()).isEqualTo("concerns");
            assertThat(chat.ask().text()).contains(chat.msg("current.value", "Kennis"));
        }

        @Test
        void shouldRejectUnknownReplyAtSummaryAndChangeList() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil(null);
            chat.text("hmm");
            assertThat(chat.last.accepted()).isFalse();
            assertThat(chat.last.messages()).containsExactly(new Outbound.Say(chat.msg("hint.summary")), chat.ask());
            chat.choice("#change");
            chat.text("99");
            assertThat(chat.last.accepted()).isFalse();
            assertThat(chat.says()).isEqualTo(chat.msg("hint.change"));
            chat.choice("hospital");
            assertThat(chat.last.accepted()).isFalse();
        }

        @Test
        void shouldCompleteOnSubmitAndThenOnlySayClosing() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil(null);
            chat.text("insturen");
            assertThat(chat.state.stage()).isEqualTo(Stage.COMPLETED);
            assertThat(chat.last.messages()).containsExactly(new Outbound.Say("Dank u wel!"));
            assertThat(Chat.ENGINE.current(chat.flow, chat.state)).containsExactly(new Outbound.Say("Dank u wel!"));
            ConversationState done = chat.state;
            chat.text("terug");
            assertThat(chat.last.accepted()).isFalse();
            assertThat(chat.state).isEqualTo(done);
            assertThat(chat.last.messages()).containsExactly(new Outbound.Say("Dank u wel!"));
        }
    }

    @Nested
    class TimingAndTranscript {

        @Test
        void shouldTimeAnswersFromTheInstantsPassedIn() {
            Chat chat = Chat.smallAtQuestions();
            chat.sendAfter(42, new Inbound.Text("1"));
            Answer answer = chat.answer("familiarity");
            assertThat(answer.secondsTaken()).isEqualTo(42);
            assertThat(answer.answeredAt()).isEqualTo(chat.now);
            assertThat(answer.source()).isEqualTo("chat");
            chat.sendAfter(3, new Inbound.Choice("ml"));
            chat.sendAfter(4, new Inbound.Choice("#done"));
            assertThat(chat.answer("applications").secondsTaken()).isEqualTo(7);
            chat.sendAfter(10, new Inbound.Text("help"));
            chat.sendAfter(2, new Inbound.Text("ja"));
            assertThat(chat.answer("policy").secondsTaken()).isEqualTo(12);
        }

        @Test
        void shouldRebuildTranscriptInStateLanguage() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil("policyTopics");
            chat.text("taal en");
            assertThat(Chat.ENGINE.transcript(chat.flow, chat.state)).containsExactly(
                    new TranscriptEntry(TranscriptEntry.Speaker.BOT, "How familiar are you with AI?"),
                    new TranscriptEntry(TranscriptEntry.Speaker.RESPONDENT, "Familiar"),
                    new TranscriptEntry(TranscriptEntry.Speaker.BOT, "Which applications do you know?"),
                    new TranscriptEntry(TranscriptEntry.Speaker.RESPONDENT, "Machine learning, Natural language processing"),
                    new TranscriptEntry(TranscriptEntry.Speaker.BOT, "Does your hospital have an AI policy?"),
                    new TranscriptEntry(TranscriptEntry.Speaker.RESPONDENT, "Yes"));
            assertThat(chat.answer("familiarity").choices()).containsExactly(new ChosenOption("familiar", "Bekend"));
        }

        @Test
        void shouldLeaveInvitationAnswersOutOfTranscriptAndShowSkips() {
            Chat chat = new Chat(Chat.SMALL, Map.of("role", "cio"), "nl");
            chat.choice("#yes");
            chat.text("Oost");
            chat.answerSmallUntil("champion");
            chat.text("overslaan");
            List<TranscriptEntry> transcript = Chat.ENGINE.transcript(chat.flow, chat.state);
            assertThat(transcript.get(0).text()).isEqualTo("Voor welk ziekenhuis werkt u?");
            assertThat(transcript).extracting(TranscriptEntry::text).doesNotContain("Wat is uw rol?");
            assertThat(transcript.get(transcript.size() - 1)).isEqualTo(
                    new TranscriptEntry(TranscriptEntry.Speaker.RESPONDENT, "(overgeslagen)"));
        }

        @Test
        void shouldShowTheEntriesAlreadyGivenForTheListBeingAnswered() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil("experiments");
            chat.text("Radiologie: beeldherkenning");
            chat.text("Cardiologie");
            List<TranscriptEntry> transcript = Chat.ENGINE.transcript(chat.flow, chat.state);
            assertThat(transcript.subList(transcript.size() - 3, transcript.size())).containsExactly(
                    new TranscriptEntry(TranscriptEntry.Speaker.BOT, chat.flow.step("experiments").orElseThrow().text().in("nl")),
                    new TranscriptEntry(TranscriptEntry.Speaker.RESPONDENT, "Radiologie: beeldherkenning"),
                    new TranscriptEntry(TranscriptEntry.Speaker.RESPONDENT, "Cardiologie"));
            chat.text("ECG-analyse");
            chat.text("klaar");
            assertThat(Chat.ENGINE.transcript(chat.flow, chat.state)).extracting(TranscriptEntry::text)
                    .contains("Radiologie: beeldherkenning; Cardiologie: ECG-analyse")
                    .doesNotContain("Cardiologie");
        }

        @Test
        void shouldRenderCurrentStepAgain() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil("experiments");
            chat.text("Radiologie");
            assertThat(Chat.ENGINE.current(chat.flow, chat.state)).containsExactly(chat.ask());
        }
    }
}
