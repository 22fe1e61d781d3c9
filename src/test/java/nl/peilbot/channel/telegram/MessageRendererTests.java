package nl.peilbot.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import nl.peilbot.engine.Button;
import nl.peilbot.engine.Outbound;
import nl.peilbot.engine.Progress;

/** Prompts as Telegram messages: split to Telegram's limit, buttons as an inline keyboard on the last part. */
class MessageRendererTests {

    private final MessageRenderer renderer = new MessageRenderer(new TextSplitter(TextSplitter.TELEGRAM_LIMIT));

    private static Outbound.Ask ask(String text, List<Button> buttons, List<String> selected) {
        return new Outbound.Ask("knownApplications", text, Outbound.InputKind.MULTIPLE_CHOICE, buttons, selected,
                new Progress(3, 14, "vraag 3 van 14"));
    }

    @Nested
    class Splitting {

        private final TextSplitter splitter = new TextSplitter(TextSplitter.TELEGRAM_LIMIT);

        @Test
        void shouldSplitALongTextAtLineBreaksIntoPartsTelegramAccepts() {
            String paragraph = "Regel met tekst over AI in de zorg. ".repeat(40) + "\n";
            String text = paragraph.repeat(12);
            List<String> parts = splitter.split(text);
            assertThat(text.length()).isGreaterThan(TextSplitter.TELEGRAM_LIMIT * 3);
            assertThat(parts).hasSizeGreaterThan(3).allSatisfy(part -> assertThat(part.length())
                    .isLessThanOrEqualTo(TextSplitter.TELEGRAM_LIMIT).isPositive());
            assertThat(String.join("", parts).replaceAll("\\s", "").equals(text.replaceAll("\\s", "")))
                    .as("no text lost or added, only white space at the cuts").isTrue();
            assertThat(parts.get(0)).as("cut at a line break").endsWith("zorg.");
        }

        @Test
        void shouldCutAWordLongerThanTheLimitWithoutBreakingASurrogatePair() {
            String text = "a".repeat(TextSplitter.TELEGRAM_LIMIT - 1) + "\uD83D\uDE00" + "b".repeat(10);
            List<String> parts = splitter.split(text);
            assertThat(parts).hasSize(2);
            assertThat(parts.get(0)).hasSize(TextSplitter.TELEGRAM_LIMIT - 1);
            assertThat(parts.get(1)).startsWith("\uD83D\uDE00");
        }

        @Test
        void shouldLeaveAShortTextWhole() {
            assertThat(splitter.split("Doet u mee?")).containsExactly("Doet u mee?");
        }
    }

    @Test
    void shouldPutTheKeyboardOnlyOnTheLastPartOfALongPrompt() {
        String long_ = "Een hele lange vraag. ".repeat(400);
        List<Outgoing> outgoing = renderer.render(5, List.of(new Outbound.Say("Hallo"),
                ask(long_, List.of(new Button("imaging", "Beeldherkenning", 1)), List.of())));
        assertThat(outgoing).hasSizeGreaterThanOrEqualTo(4);
        assertThat(outgoing).allSatisfy(o -> assertThat(o.chatId()).isEqualTo(5));
        List<Outgoing.Text> texts = outgoing.stream().map(Outgoing.Text.class::cast).toList();
        assertThat(texts.get(0).text()).isEqualTo("Hallo");
        assertThat(texts.subList(0, texts.size() - 1)).allSatisfy(t -> assertThat(t.keyboard()).isNull());
        assertThat(texts.get(texts.size() - 1).keyboard()).isNotNull();
        assertThat(texts.get(texts.size() - 1).text()).endsWith("(vraag 3 van 14)");
    }

    @Test
    void shouldNumberTickAndEncodeTheButtons() {
        var keyboard = renderer.keyboard(ask("Welke?", List.of(new Button("imaging", "Beeldherkenning", 1),
                new Button("rpa", "RPA", 2), new Button("#done", "Klaar", 0)), List.of("rpa")));
        var buttons = keyboard.getKeyboard().stream().flatMap(List::stream).toList();
        assertThat(buttons).extracting(b -> b.getText())
                .containsExactly("1. Beeldherkenning", MessageRenderer.TICK + "2. RPA", "Klaar");
        assertThat(buttons).extracting(b -> b.getCallbackData())
                .containsExactly("knownApplications|imaging", "knownApplications|rpa", "knownApplications|#done");
    }

    @Test
    void shouldPutTheElevenPointsOfARatingSideBySideInTwoRowsAndSkipOnARowOfItsOwn() {
        List<Button> buttons = new java.util.ArrayList<>();
        for (int point = 0; point <= 10; point++) {
            buttons.add(new Button(String.valueOf(point), String.valueOf(point), 0));
        }
        buttons.add(new Button("#skip", "Overslaan", 0));
        var keyboard = renderer.keyboard(new Outbound.Ask("recommend", "Aanbevelen?", Outbound.InputKind.RATING, buttons,
                List.of(), null));

        assertThat(keyboard.getKeyboard()).extracting(row -> row.stream().map(b -> b.getText()).toList()).containsExactly(
                List.of("0", "1", "2", "3", "4", "5"), List.of("6", "7", "8", "9", "10"), List.of("Overslaan"));
        assertThat(keyboard.getKeyboard().get(1).get(1).getCallbackData()).isEqualTo("recommend|7");
    }

    @Test
    void shouldSendAPromptWithoutButtonsWithoutKeyboard() {
        Outbound.Ask open = new Outbound.Ask("policyTopics", "Welke onderwerpen?", Outbound.InputKind.TEXT, List.of(),
                List.of(), null);
        assertThat(renderer.render(1, List.of(open))).containsExactly(new Outgoing.Text(1, "Welke onderwerpen?", null));
    }
}
