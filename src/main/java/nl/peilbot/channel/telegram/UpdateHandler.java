package nl.peilbot.channel.telegram;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import org.telegram.telegrambots.meta.api.objects.Update;

import nl.peilbot.conversation.Access;
import nl.peilbot.conversation.AccessRefusedException;
import nl.peilbot.conversation.ChannelTakenException;
import nl.peilbot.conversation.Conversations;
import nl.peilbot.conversation.Reply;
import nl.peilbot.conversation.Session;
import nl.peilbot.conversation.UnknownAccessException;
import nl.peilbot.engine.Inbound;
import nl.peilbot.engine.Outbound;
import nl.peilbot.outbox.Outbox;
import nl.peilbot.outbox.OutboxMessage;
import nl.peilbot.system.Languages;

/**
 * Handles one Telegram update: hands it to the conversation and queues what the conversation says back in the
 * durable outbox.
 *
 * <p>Returns only once the update is recorded and its reply queued, so a caller that confirms the update to
 * Telegram afterwards loses nothing in a crash. An update handled again is applied once, by its message id
 * {@code tg:<update_id>}, and its reply is queued once, by the outbox id {@code telegram:<update_id>:0}: a
 * redelivered update sends nothing, while one whose first handling died before its reply was queued now queues the
 * current step. The callback answer of a press is {@code telegram:<update_id>:1}. Updates of one chat are handled
 * one at a time within an instance.
 */
final class UpdateHandler {

    static final String CHANNEL = "telegram";
    /** The outbox kind that applies a held paste when no continuation came. */
    static final String PASTE_KIND = "telegram-paste";
    /** A text at least this long may be the first part of a paste Telegram split at its 4096-character limit. */
    static final int PASTE_PART_MIN = 3800;
    /** How long a long text is held for its continuation; Telegram sends the parts of a split paste together. */
    static final Duration PASTE_WINDOW = Duration.ofSeconds(3);
    /** The parts of one paste are sent in the same few seconds (Telegram's dates have whole seconds). */
    static final long PASTE_SECONDS = 5;

    private static final int LOCK_STRIPES = 64;

    private final Conversations conversations;
    private final Outbox outbox;
    private final ChatLedger ledger;
    private final MessageRenderer renderer;
    private final ChatTexts texts;
    private final Clock clock;
    private final String openSurvey;
    private final UpdateReader reader = new UpdateReader();
    private final Lock[] chatLocks = new Lock[LOCK_STRIPES];

    UpdateHandler(Conversations conversations, Outbox outbox, ChatLedger ledger, MessageRenderer renderer,
                  ChatTexts texts, Clock clock, String openSurvey) {
        this.conversations = conversations;
        this.outbox = outbox;
        this.ledger = ledger;
        this.renderer = renderer;
        this.texts = texts;
        this.clock = clock;
        this.openSurvey = openSurvey == null || openSurvey.isBlank() ? null : openSurvey.strip();
        for (int i = 0; i < LOCK_STRIPES; i++) {
            chatLocks[i] = new ReentrantLock();
        }
    }

    void handle(Update update) {
        TelegramInput input = reader.read(update);
        if (input instanceof TelegramInput.Ignored) {
            return;
        }
        int updateId = update.getUpdateId();
        Lock lock = lockOf(input.chatId());
        lock.lock();
        try {
            if (joinedToHeldPaste(updateId, input)) {
                return;
            }
            Replies replies = new Replies(updateId, input.chatId());
            try {
                dispatch(input, replies);
            } catch (AccessRefusedException e) {
                // Revoked, outside its window, paused or closed: nothing was recorded; the respondent is told why.
                replies = new Replies(updateId, input.chatId());
                refused(input, e.reason(), replies);
            }
            replies.queue();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Applies the paste held for the chat if {@code lastUpdate} is still its last part: no continuation came in
     * {@link #PASTE_WINDOW}. Called by the outbox, so it happens after a crash too.
     */
    void releaseHeldPaste(long chatId, int lastUpdate) {
        Lock lock = lockOf(chatId);
        lock.lock();
        try {
            ledger.paste(chatId).filter(held -> held.lastUpdate() == lastUpdate)
                    .ifPresent(held -> applyHeld(chatId, held, held.text(), held.firstUpdate()));
        } finally {
            lock.unlock();
        }
    }

    private Lock lockOf(long chatId) {
        return chatLocks[Math.floorMod(Long.hashCode(chatId), LOCK_STRIPES)];
    }

    /**
     * Telegram splits a text longer than 4096 characters into messages sent one after the other. A long text is
     * therefore held (in MongoDB) for a moment; the next message of the chat, if it directly follows it, is joined
     * to it, and the whole is applied as one answer. Anything else first applies what is held, as it is.
     *
     * @return true when the update was taken as (part of) a paste and needs nothing more
     */
    private boolean joinedToHeldPaste(int updateId, TelegramInput input) {
        long chatId = input.chatId();
        Optional<ChatLedger.Paste> held = ledger.paste(chatId);
        String text = input instanceof TelegramInput.Message message && message.input() instanceof Inbound.Text t
                ? t.text() : null;
        if (held.isPresent()) {
            ChatLedger.Paste paste = held.get();
            if (paste.lastUpdate() == updateId || paste.firstUpdate() == updateId) {
                return true; // delivered again while held
            }
            TelegramInput.Message message = input instanceof TelegramInput.Message m ? m : null;
            if (text != null && message.telegramMessageId() == paste.messageId() + 1
                    && message.date() - paste.date() <= PASTE_SECONDS) {
                String joined = paste.text() + " " + text;
                if (text.length() >= PASTE_PART_MIN) {
                    hold(chatId, new ChatLedger.Paste(paste.firstUpdate(), updateId, message.telegramMessageId(),
                            message.date(), joined, paste.language()));
                } else {
                    applyHeld(chatId, paste, joined, updateId);
                }
                return true;
            }
            applyHeld(chatId, paste, paste.text(), paste.firstUpdate());
        }
        if (text != null && text.length() >= PASTE_PART_MIN) {
            TelegramInput.Message message = (TelegramInput.Message) input;
            hold(chatId, new ChatLedger.Paste(updateId, updateId, message.telegramMessageId(), message.date(), text,
                    message.language()));
            return true;
        }
        return false;
    }

    private void hold(long chatId, ChatLedger.Paste paste) {
        ledger.hold(chatId, paste);
        outbox.enqueue(new OutboxMessage("telegram:" + paste.lastUpdate() + ":2", PASTE_KIND, null,
                Map.of("chat", String.valueOf(chatId), "update", paste.lastUpdate()), clock.instant().plus(PASTE_WINDOW)));
    }

    /** Applies a held paste as one answer with the message id of its first part, then forgets it. */
    private void applyHeld(long chatId, ChatLedger.Paste paste, String text, int replyUpdate) {
        Replies replies = new Replies(replyUpdate, chatId);
        TelegramInput.Message message = new TelegramInput.Message(chatId, paste.language(), "tg:" + paste.firstUpdate(),
                new Inbound.Text(text), paste.messageId(), paste.date());
        try {
            message(message, replies);
        } catch (AccessRefusedException e) {
            replies = new Replies(replyUpdate, chatId);
            refused(message, e.reason(), replies);
        }
        replies.queue();
        ledger.release(chatId);
    }

    private void dispatch(TelegramInput input, Replies replies) {
        if (input instanceof TelegramInput.Start start) {
            start(start, replies);
        } else if (input instanceof TelegramInput.Message message) {
            message(message, replies);
        } else if (input instanceof TelegramInput.Press press) {
            press(press, replies);
        } else if (input instanceof TelegramInput.UnknownCommand unknown) {
            replies.say(ChatTexts.UNKNOWN_COMMAND, languageOf(unknown.chatId(), unknown.language()));
        } else if (input instanceof TelegramInput.NonText nonText) {
            replies.say(ChatTexts.NON_TEXT, languageOf(nonText.chatId(), nonText.language()));
        } else if (input instanceof TelegramInput.NotPrivate other) {
            replies.say(ChatTexts.PRIVATE_ONLY, other.language());
        }
    }

    private void start(TelegramInput.Start start, Replies replies) {
        String chat = String.valueOf(start.chatId());
        Session session;
        try {
            if (start.payload() != null) {
                session = conversations.open(new Access(start.payload(), null), CHANNEL, chat);
            } else {
                Optional<Session> resumed = conversations.resume(CHANNEL, chat);
                if (resumed.isEmpty() && openSurvey == null) {
                    replies.say(ChatTexts.NO_INVITATION, start.language());
                    return;
                }
                session = resumed.orElseGet(() -> conversations.open(new Access(null, openSurvey), CHANNEL, chat));
            }
        } catch (AccessRefusedException e) {
            // Revoked, withdrawn, outside its window: handle() tells the respondent why.
            throw e;
        } catch (UnknownAccessException e) {
            replies.say(start.payload() != null ? ChatTexts.UNKNOWN_TOKEN : ChatTexts.NO_INVITATION, start.language());
            return;
        } catch (ChannelTakenException e) {
            replies.say(ChatTexts.TAKEN, start.language());
            return;
        }
        List<Outbound> messages = new ArrayList<>();
        if (!session.transcript().isEmpty() && !session.completed()) {
            messages.add(new Outbound.Say(texts.text(ChatTexts.RESUMED, session.language())));
        }
        messages.addAll(session.messages());
        replies.show(messages);
    }

    private void message(TelegramInput.Message message, Replies replies) {
        Optional<Session> session = conversations.resume(CHANNEL, String.valueOf(message.chatId()));
        if (session.isEmpty()) {
            replies.say(ChatTexts.NO_INVITATION, message.language());
            return;
        }
        Reply reply = conversations.handle(session.get().responseId(), message.messageId(), message.input(), CHANNEL);
        replies.show(reply.messages());
    }

    /** A button names the step it was shown for; it is applied to that step only while it is the current one. */
    private void press(TelegramInput.Press press, Replies replies) {
        Optional<Session> session = conversations.resume(CHANNEL, String.valueOf(press.chatId()));
        if (session.isEmpty()) {
            replies.answer(press, texts.text(ChatTexts.NO_INVITATION, press.language()));
            return;
        }
        String responseId = session.get().responseId();
        Optional<CallbackData.Direct> pressed = CallbackData.decode(press.data())
                .flatMap(data -> data.resolve(lastAsk(data instanceof CallbackData.Indexed
                        ? conversations.current(responseId) : List.of())));
        if (pressed.isEmpty()) {
            stale(press, session.get().language(), replies);
            return;
        }
        Reply reply = conversations.handle(responseId, press.messageId(), new Inbound.Choice(pressed.get().code()),
                CHANNEL, pressed.get().step());
        if (reply.outcome() == Reply.Outcome.CONFLICT) {
            stale(press, reply.language(), replies);
            return;
        }
        replies.answer(press, null);
        Outbound.Ask toggled = toggled(reply, pressed.get().step());
        if (toggled != null) {
            replies.add(new Outgoing.Keyboard(press.chatId(), press.pressedMessageId(), renderer.keyboard(toggled)));
            return;
        }
        replies.add(answered(press, reply));
        replies.show(reply.messages());
    }

    /** The pressed message with its answer below it, or only without its buttons when it cannot be shown. */
    private static Outgoing answered(TelegramInput.Press press, Reply reply) {
        if (reply.outcome() == Reply.Outcome.APPLIED && press.pressedText() != null && press.pressedLabel() != null) {
            String text = press.pressedText() + "\n\n" + MessageRenderer.TICK + press.pressedLabel().replace(MessageRenderer.TICK, "");
            if (text.length() <= TextSplitter.TELEGRAM_LIMIT) {
                return new Outgoing.Answered(press.chatId(), press.pressedMessageId(), text);
            }
        }
        return new Outgoing.Keyboard(press.chatId(), press.pressedMessageId(), null);
    }

    /** A button of a message whose question is no longer asked: say so briefly and take its buttons away. */
    private void stale(TelegramInput.Press press, String language, Replies replies) {
        replies.answer(press, texts.text(ChatTexts.STALE, language));
        replies.add(new Outgoing.Keyboard(press.chatId(), press.pressedMessageId(), null));
    }

    /** The prompt after a multiple-choice toggle, which only changes the ticks on the pressed message. */
    private static Outbound.Ask toggled(Reply reply, String step) {
        if (reply.outcome() != Reply.Outcome.APPLIED || reply.messages().size() != 1
                || !(reply.messages().get(0) instanceof Outbound.Ask ask)) {
            return null;
        }
        return ask.stepId().equals(step) && ask.input() == Outbound.InputKind.MULTIPLE_CHOICE ? ask : null;
    }

    private void refused(TelegramInput input, AccessRefusedException.Reason reason, Replies replies) {
        String language = input instanceof TelegramInput.Start start ? start.language()
                : input instanceof TelegramInput.Message message ? message.language()
                : input instanceof TelegramInput.Press press ? press.language()
                : input instanceof TelegramInput.NonText nonText ? nonText.language() : null;
        if (input instanceof TelegramInput.Press press) {
            replies.answer(press, null);
        }
        replies.say(ChatTexts.REFUSED_PREFIX + reason.code(), Languages.supported(language));
    }

    private String languageOf(long chatId, String fallback) {
        return conversations.resume(CHANNEL, String.valueOf(chatId)).map(Session::language).orElse(fallback);
    }

    private static Outbound.Ask lastAsk(List<Outbound> messages) {
        Outbound.Ask last = null;
        for (Outbound message : messages) {
            if (message instanceof Outbound.Ask ask) {
                last = ask;
            }
        }
        return last;
    }

    /** What one update leads to: the chat's calls, queued as one outbox message, and a press's callback answer. */
    private final class Replies {

        private final int updateId;
        private final long chatId;
        private final List<Outgoing> calls = new ArrayList<>();
        private Map<String, Object> callbackAnswer;

        Replies(int updateId, long chatId) {
            this.updateId = updateId;
            this.chatId = chatId;
        }

        void add(Outgoing call) {
            calls.add(call);
        }

        void say(String key, String language) {
            calls.add(new Outgoing.Text(chatId, texts.text(key, language), null));
        }

        /** The conversation's messages, after taking the keyboard of the previous prompt away. */
        void show(List<Outbound> messages) {
            calls.add(new Outgoing.Keyboard(chatId, null, null));
            calls.addAll(renderer.render(chatId, messages));
        }

        /** Answers the callback query, so Telegram stops showing the button as busy. */
        void answer(TelegramInput.Press press, String text) {
            callbackAnswer = text == null ? Map.of(TelegramSender.CALLBACK, press.callbackId())
                    : Map.of(TelegramSender.CALLBACK, press.callbackId(), "text", text);
        }

        void queue() {
            if (callbackAnswer != null) {
                outbox.enqueue(OutboxMessage.of("telegram:" + updateId + ":1", TelegramSender.KIND, null, callbackAnswer));
            }
            if (!calls.isEmpty()) {
                outbox.enqueue(OutboxMessage.of("telegram:" + updateId + ":0", TelegramSender.KIND, chatKey(chatId),
                        OutgoingCodec.payload(chatId, calls)));
            }
        }
    }

    /** The outbox key of a chat: its messages go out one at a time, in order. */
    static String chatKey(long chatId) {
        return "telegram:" + chatId;
    }
}
