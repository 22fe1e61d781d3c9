package nl.peilbot.channel.telegram;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Question;
import nl.peilbot.flow.QuestionKind;
import nl.peilbot.outbox.Outbox;

/**
 * One Telegram user talking to the bot through {@link FakeTelegram}: sends an update, waits until the bot has
 * confirmed it and the outbox sent everything it queued, and reads the prompt now shown, in the shape of the web protocol's
 * {@code ask} frame so the web channel's questionnaire walker can answer it.
 */
final class TelegramRespondent {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final FakeTelegram telegram;
    private final Outbox outbox;
    private final long chatId;
    private final JsonMapper json = JsonMapper.builder().build();

    TelegramRespondent(FakeTelegram telegram, Outbox outbox, long chatId) {
        this.telegram = telegram;
        this.outbox = outbox;
        this.chatId = chatId;
    }

    long chatId() {
        return chatId;
    }

    int send(String text) throws InterruptedException {
        return settled(telegram.text(chatId, text));
    }

    int sticker() throws InterruptedException {
        return settled(telegram.sticker(chatId));
    }

    /** Presses the button with this code on the last message that has one. */
    int press(String code) throws InterruptedException {
        JsonNode message = lastWithKeyboard();
        for (JsonNode button : buttons(message)) {
            String data = button.get("callback_data").asString();
            if (code(data).equals(code)) {
                return settled(telegram.press(chatId, message.get("message_id").asInt(), data));
            }
        }
        throw new AssertionError("no button " + code + " on " + message);
    }

    /** Presses a button of a given message, as a respondent scrolling back up would. */
    int press(int messageId, String data) throws InterruptedException {
        return settled(telegram.press(chatId, messageId, data));
    }

    int settled(int updateId) throws InterruptedException {
        await().atMost(TIMEOUT).until(() -> telegram.confirmed(updateId));
        awaitSent(outbox);
        return updateId;
    }

    /** Waits until the outbox has sent every Telegram message queued so far. */
    static void awaitSent(Outbox outbox) {
        await().atMost(TIMEOUT).until(() -> outbox.stats().pending().getOrDefault(TelegramSender.KIND, 0L) == 0);
    }

    List<String> texts() {
        return telegram.texts(chatId);
    }

    String lastText() {
        List<String> texts = texts();
        return texts.get(texts.size() - 1);
    }

    JsonNode lastMessage() {
        List<JsonNode> messages = telegram.messages(chatId);
        return messages.get(messages.size() - 1);
    }

    /** The last message with a keyboard, or null. */
    JsonNode lastWithKeyboard() {
        List<JsonNode> messages = telegram.messages(chatId);
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).has("reply_markup")) {
                return messages.get(i);
            }
        }
        return null;
    }

    /** Messages that still have buttons to press. */
    long keyboards() {
        return telegram.messages(chatId).stream().filter(m -> m.has("reply_markup")).count();
    }

    /**
     * The prompt shown now, as a web {@code ask} frame: the step and selection from the stored conversation
     * (Telegram messages do not show them), the buttons from the keyboard of the last message.
     */
    JsonNode ask(Flow flow, MongoCollection<Document> responses, String responseId) {
        Document response = responses.find(Filters.eq("_id", responseId)).first();
        Document conversation = response.get("conversation", Document.class);
        String stage = conversation.getString("stage");
        String step = switch (stage) {
            case "consent" -> "#consent";
            case "summary" -> "#summary";
            case "asking" -> conversation.getString("currentStep");
            default -> "#" + stage;
        };
        Document pending = conversation.get("pending", new Document());
        ObjectNode ask = json.createObjectNode();
        ask.put("step", step);
        ask.put("input", input(flow, step, pending.getBoolean("awaitingOther", false)));
        ArrayNode buttons = ask.putArray("buttons");
        JsonNode last = lastMessage();
        if (last.has("reply_markup")) {
            for (JsonNode button : buttons(last)) {
                String label = button.get("text").asString().replace(MessageRenderer.TICK, "");
                int number = 0;
                int dot = label.indexOf(". ");
                if (dot > 0 && label.substring(0, dot).chars().allMatch(Character::isDigit)) {
                    number = Integer.parseInt(label.substring(0, dot));
                    label = label.substring(dot + 2);
                }
                buttons.addObject().put("code", code(button.get("callback_data").asString()))
                        .put("label", label).put("number", number);
            }
        }
        ArrayNode selected = ask.putArray("selected");
        pending.getList("selected", String.class, List.of()).forEach(selected::add);
        return ask;
    }

    private static String input(Flow flow, String step, boolean awaitingOther) {
        if (step.startsWith("#")) {
            return "single_choice";
        }
        QuestionKind kind = flow.step(step).map(Question::kind).orElseThrow();
        if (awaitingOther || !kind.isChoice()) {
            return "text";
        }
        return kind == QuestionKind.MULTIPLE_CHOICE ? "multiple_choice" : "single_choice";
    }

    private static List<JsonNode> buttons(JsonNode message) {
        return message.get("reply_markup").get("inline_keyboard").valueStream()
                .flatMap(JsonNode::valueStream).toList();
    }

    private static String code(String data) {
        return ((CallbackData.Direct) CallbackData.decode(data).orElseThrow()).code();
    }
}
