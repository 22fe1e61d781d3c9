package nl.peilbot.channel.telegram;

import java.util.ArrayList;
import java.util.List;

import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import nl.peilbot.engine.Button;
import nl.peilbot.engine.Outbound;

/**
 * Renders the conversation's messages as Telegram messages: a prompt's buttons become an inline keyboard on its
 * last part, one button a row, numbered as the respondent may type them, ticked when selected; the points of a rating
 * side by side, at most {@value #POINTS_PER_ROW} to a row.
 */
final class MessageRenderer {

    static final String TICK = "\u2705 ";
    static final int POINTS_PER_ROW = 6;

    private final TextSplitter splitter;

    MessageRenderer(TextSplitter splitter) {
        this.splitter = splitter;
    }

    List<Outgoing> render(long chatId, List<Outbound> messages) {
        List<Outgoing> outgoing = new ArrayList<>();
        for (Outbound message : messages) {
            if (message instanceof Outbound.Say say) {
                splitter.split(say.text()).forEach(part -> outgoing.add(new Outgoing.Text(chatId, part, null)));
            } else {
                Outbound.Ask ask = (Outbound.Ask) message;
                List<String> parts = splitter.split(text(ask));
                for (int i = 0; i < parts.size(); i++) {
                    boolean last = i == parts.size() - 1;
                    outgoing.add(new Outgoing.Text(chatId, parts.get(i), last ? keyboard(ask) : null));
                }
            }
        }
        return outgoing;
    }

    /** The prompt's buttons as an inline keyboard, or null when it has none. */
    InlineKeyboardMarkup keyboard(Outbound.Ask ask) {
        if (ask.buttons().isEmpty()) {
            return null;
        }
        List<InlineKeyboardRow> rows = new ArrayList<>();
        InlineKeyboardRow points = new InlineKeyboardRow();
        for (int i = 0; i < ask.buttons().size(); i++) {
            Button button = ask.buttons().get(i);
            String label = (ask.selected().contains(button.code()) ? TICK : "")
                    + (button.number() > 0 ? button.number() + ". " : "") + button.label();
            InlineKeyboardButton key = InlineKeyboardButton.builder().text(label)
                    .callbackData(CallbackData.encode(ask.stepId(), button, i)).build();
            boolean point = ask.input() == Outbound.InputKind.RATING && !button.code().startsWith("#");
            if (point) {
                if (points.size() == POINTS_PER_ROW) {
                    rows.add(points);
                    points = new InlineKeyboardRow();
                }
                points.add(key);
                continue;
            }
            if (!points.isEmpty()) {
                rows.add(points);
                points = new InlineKeyboardRow();
            }
            rows.add(new InlineKeyboardRow(key));
        }
        if (!points.isEmpty()) {
            rows.add(points);
        }
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }

    private static String text(Outbound.Ask ask) {
        return ask.progress() == null ? ask.text() : ask.text() + "\n\n(" + ask.progress().text() + ")";
    }
}
