package nl.peilbot.channel.telegram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * {@link Outgoing} calls as an outbox payload of plain values, and back:
 * {@code {chat: "<chat id>", parts: [{op: send|markup|edit, message, text, keyboard: [{row: [{text, data}]}]}]}}
 * (no array directly in an array: FerretDB does not store nested arrays).
 */
final class OutgoingCodec {

    static final String CHAT = "chat";
    static final String PARTS = "parts";

    private OutgoingCodec() {
    }

    static Map<String, Object> payload(long chatId, List<Outgoing> parts) {
        List<Object> encoded = new ArrayList<>();
        for (Outgoing part : parts) {
            Map<String, Object> map = new LinkedHashMap<>();
            if (part instanceof Outgoing.Text text) {
                map.put("op", "send");
                map.put("text", text.text());
                putKeyboard(map, text.keyboard());
            } else if (part instanceof Outgoing.Keyboard keyboard) {
                map.put("op", "markup");
                if (keyboard.messageId() != null) {
                    map.put("message", keyboard.messageId());
                }
                putKeyboard(map, keyboard.keyboard());
            } else {
                Outgoing.Answered answered = (Outgoing.Answered) part;
                map.put("op", "edit");
                map.put("message", answered.messageId());
                map.put("text", answered.text());
            }
            encoded.add(map);
        }
        return Map.of(CHAT, String.valueOf(chatId), PARTS, encoded);
    }

    static long chat(Map<String, Object> payload) {
        return Long.parseLong((String) payload.get(CHAT));
    }

    static List<Outgoing> parts(Map<String, Object> payload) {
        long chatId = chat(payload);
        List<Outgoing> parts = new ArrayList<>();
        for (Object item : (List<?>) payload.get(PARTS)) {
            Map<?, ?> map = (Map<?, ?>) item;
            Integer message = map.get("message") == null ? null : ((Number) map.get("message")).intValue();
            switch ((String) map.get("op")) {
                case "send" -> parts.add(new Outgoing.Text(chatId, (String) map.get("text"), keyboard(map)));
                case "markup" -> parts.add(new Outgoing.Keyboard(chatId, message, keyboard(map)));
                case "edit" -> parts.add(new Outgoing.Answered(chatId, message, (String) map.get("text")));
                default -> throw new IllegalArgumentException("unknown Telegram outbox operation");
            }
        }
        return parts;
    }

    private static void putKeyboard(Map<String, Object> map, InlineKeyboardMarkup keyboard) {
        if (keyboard == null) {
            return;
        }
        map.put("keyboard", keyboard.getKeyboard().stream()
                .map(row -> Map.of("row", row.stream()
                        .map(button -> Map.of("text", button.getText(), "data", button.getCallbackData())).toList()))
                .toList());
    }

    private static InlineKeyboardMarkup keyboard(Map<?, ?> map) {
        if (!(map.get("keyboard") instanceof List<?> rows)) {
            return null;
        }
        List<InlineKeyboardRow> keyboard = new ArrayList<>();
        for (Object row : rows) {
            List<InlineKeyboardButton> buttons = new ArrayList<>();
            for (Object button : (List<?>) ((Map<?, ?>) row).get("row")) {
                Map<?, ?> b = (Map<?, ?>) button;
                buttons.add(InlineKeyboardButton.builder().text((String) b.get("text")).callbackData((String) b.get("data")).build());
            }
            keyboard.add(new InlineKeyboardRow(buttons));
        }
        return InlineKeyboardMarkup.builder().keyboard(keyboard).build();
    }
}
