package nl.peilbot.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import nl.peilbot.channel.web.QuestionnaireWalker;
import nl.peilbot.flow.Flow;
import nl.peilbot.outbox.Outbox;

/**
 * A whole questionnaire answered in one Telegram chat through {@link FakeTelegram}, as the web channel's
 * {@link QuestionnaireWalker} says: public so the test of every flow file walks each of them in Telegram too.
 */
public final class TelegramWalk {

    private static final int MAX_TURNS = 500;

    private TelegramWalk() {
    }

    /**
     * Opens the chat with {@code /start <token>} (a deep link), answers until the response is submitted and checks
     * that the bot said the flow's closing text and left no button to press.
     */
    public static void walk(FakeTelegram telegram, Outbox outbox, MongoCollection<Document> responses, long chatId,
                            String token, String responseId, Flow flow, QuestionnaireWalker walker)
            throws InterruptedException {
        TelegramRespondent respondent = new TelegramRespondent(telegram, outbox, chatId);
        respondent.send("/start " + token);
        for (int turn = 0; turn < MAX_TURNS; turn++) {
            Document response = responses.find(Filters.eq("_id", responseId)).first();
            assertThat(response).as("the response of the Telegram chat %s", chatId).isNotNull();
            if (response.getString("status").equals("completed")) {
                assertThat(respondent.lastText()).isEqualTo(flow.closing().in(flow.defaultLanguage()));
                assertThat(respondent.keyboards()).as("no button left to press").isZero();
                return;
            }
            QuestionnaireWalker.Frame frame = walker.respond(respondent.ask(flow, responses, responseId));
            switch (frame.type()) {
                case "choice" -> respondent.press(frame.value());
                case "text" -> respondent.send(frame.value());
                case "command" -> respondent.send("/" + BotCommands.named(frame.value()).orElseThrow().name("nl"));
                default -> throw new AssertionError(frame);
            }
        }
        throw new AssertionError(flow.id() + " not submitted in Telegram after " + MAX_TURNS + " turns");
    }
}
