package nl.peilbot.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

import com.fasterxml.jackson.databind.ObjectMapper;

import nl.peilbot.engine.CommandName;
import nl.peilbot.engine.Inbound;

/** Telegram updates as the conversation's input: text, commands in both languages, presses, anything else. */
class UpdateReaderTests {

    private final ObjectMapper mapper = new ObjectMapper();
    private final UpdateReader reader = new UpdateReader();

    private TelegramInput read(String json) throws Exception {
        return reader.read(mapper.readValue(json, Update.class));
    }

    private TelegramInput message(String text) throws Exception {
        return read("{\"update_id\": 7, \"message\": {\"message_id\": 1, \"date\": 1, \"text\": \"" + text + "\","
                + "\"chat\": {\"id\": 55, \"type\": \"private\"}, \"from\": {\"id\": 55, \"is_bot\": false,"
                + "\"first_name\": \"R\", \"language_code\": \"en-GB\"}}}");
    }

    @Test
    void shouldReadTextWithTheUpdateIdAsMessageId() throws Exception {
        assertThat(message("Radiologie: beeldherkenning"))
                .isEqualTo(new TelegramInput.Message(55, "en", "tg:7", new Inbound.Text("Radiologie: beeldherkenning"), 1, 1));
    }

    @Test
    void shouldReadTheRegisteredCommandsInDutchAndEnglish() throws Exception {
        assertThat(((TelegramInput.Message) message("/terug")).input()).isEqualTo(new Inbound.Command(CommandName.BACK, null));
        assertThat(((TelegramInput.Message) message("/back@peilbot_bot")).input())
                .isEqualTo(new Inbound.Command(CommandName.BACK, null));
        assertThat(((TelegramInput.Message) message("/status")).input()).isEqualTo(new Inbound.Command(CommandName.WHERE, null));
        assertThat(((TelegramInput.Message) message("/taal en")).input())
                .isEqualTo(new Inbound.Command(CommandName.LANGUAGE, "en"));
        assertThat(((TelegramInput.Message) message("/overslaan")).input()).isEqualTo(new Inbound.Command(CommandName.SKIP, null));
        assertThat(((TelegramInput.Message) message("/opnieuw")).input())
                .isEqualTo(new Inbound.Command(CommandName.RESTART, null));
        assertThat(message("/unknown")).isEqualTo(new TelegramInput.UnknownCommand(55, "en"));
        assertThat(((TelegramInput.Message) message("/ 5 jaar")).input()).as("a slash that is no command").isEqualTo(new Inbound.Text("/ 5 jaar"));
    }

    @Test
    void shouldSpeakTheUsersTelegramLanguageWhenWeSpeakItElseDutch() throws Exception {
        assertThat(((TelegramInput.Start) start("\"language_code\": \"EN\"")).language()).isEqualTo("en");
        assertThat(((TelegramInput.Start) start("\"language_code\": \"nl-BE\"")).language()).isEqualTo("nl");
        assertThat(((TelegramInput.Start) start("\"language_code\": \"de\"")).language()).isEqualTo("nl");
        assertThat(((TelegramInput.Start) start("\"last_name\": \"S\"")).language()).isEqualTo("nl");
    }

    private TelegramInput start(String fromField) throws Exception {
        return read("{\"update_id\": 8, \"message\": {\"message_id\": 1, \"date\": 1, \"text\": \"/start\","
                + "\"chat\": {\"id\": 56, \"type\": \"private\"}, \"from\": {\"id\": 56, \"is_bot\": false,"
                + "\"first_name\": \"R\", " + fromField + "}}}");
    }

    @Test
    void shouldReadStartWithAndWithoutAnInvitationToken() throws Exception {
        assertThat(message("/start q3Jx0vV2mB7k-YpZL8sT_nWcEa")).isEqualTo(new TelegramInput.Start(55, "en", "q3Jx0vV2mB7k-YpZL8sT_nWcEa"));
        assertThat(message("/start")).isEqualTo(new TelegramInput.Start(55, "en", null));
    }

    @Test
    void shouldReadAPressedButton() throws Exception {
        TelegramInput press = read("{\"update_id\": 9, \"callback_query\": {\"id\": \"cb1\", \"chat_instance\": \"c\","
                + "\"data\": \"#consent|#yes\", \"from\": {\"id\": 55, \"is_bot\": false, \"first_name\": \"R\"},"
                + "\"message\": {\"message_id\": 12, \"date\": 1, \"chat\": {\"id\": 55, \"type\": \"private\"}}}}");
        assertThat(press).isEqualTo(new TelegramInput.Press(55, "nl", "tg:9", "cb1", 12, "#consent|#yes", null, null));
    }

    @Test
    void shouldReadThePressedMessagesTextAndButtonLabel() throws Exception {
        TelegramInput.Press press = (TelegramInput.Press) read("{\"update_id\": 10, \"callback_query\": {\"id\": \"cb2\","
                + "\"chat_instance\": \"c\", \"data\": \"#consent|#yes\", \"from\": {\"id\": 55, \"is_bot\": false,"
                + "\"first_name\": \"R\"}, \"message\": {\"message_id\": 12, \"date\": 1, \"text\": \"Doet u mee?\","
                + "\"chat\": {\"id\": 55, \"type\": \"private\"}, \"reply_markup\": {\"inline_keyboard\": ["
                + "[{\"text\": \"Ja, ik doe mee\", \"callback_data\": \"#consent|#yes\"}],"
                + "[{\"text\": \"Nee\", \"callback_data\": \"#consent|#no\"}]]}}}}");
        assertThat(press.pressedText()).isEqualTo("Doet u mee?");
        assertThat(press.pressedLabel()).isEqualTo("Ja, ik doe mee");
    }

    @Test
    void shouldTellStickersAndGroupsApart() throws Exception {
        assertThat(read("{\"update_id\": 3, \"message\": {\"message_id\": 1, \"date\": 1, \"chat\": {\"id\": 5, \"type\": \"private\"},"
                + "\"sticker\": {\"file_id\": \"f\", \"file_unique_id\": \"u\", \"type\": \"regular\", \"width\": 1,"
                + "\"height\": 1, \"is_animated\": false, \"is_video\": false}}}"))
                .isEqualTo(new TelegramInput.NonText(5, "nl"));
        assertThat(read("{\"update_id\": 4, \"message\": {\"message_id\": 1, \"date\": 1, \"text\": \"hoi\","
                + "\"chat\": {\"id\": -100, \"type\": \"group\"}}}")).isEqualTo(new TelegramInput.NotPrivate(-100, "nl"));
        assertThat(read("{\"update_id\": 5, \"edited_message\": {\"message_id\": 1, \"date\": 1, \"text\": \"x\","
                + "\"chat\": {\"id\": 5, \"type\": \"private\"}}}")).isInstanceOf(TelegramInput.Ignored.class);
    }

    @Test
    void shouldHaveADescriptionForEveryCommandInBothLanguages() throws Exception {
        for (String bundle : new String[] {"/messages.properties", "/messages_en.properties"}) {
            Properties texts = new Properties();
            try (var reader = new java.io.InputStreamReader(getClass().getResourceAsStream(bundle),
                    java.nio.charset.StandardCharsets.UTF_8)) {
                texts.load(reader);
            }
            for (BotCommands command : BotCommands.values()) {
                assertThat(texts.getProperty(command.descriptionKey())).as(bundle + " " + command).isNotBlank();
                assertThat(command.name("nl")).matches("[a-z]{1,32}");
                assertThat(command.name("en")).matches("[a-z]{1,32}");
            }
        }
    }
}
