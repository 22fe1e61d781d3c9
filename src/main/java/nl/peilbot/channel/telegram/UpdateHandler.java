package nl.peilbot.channel.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import nl.peilbot.conversation.Access;
import nl.peilbot.conversation.AccessRefusedException;
import nl.peilbot.conversation.ChannelTakenException;
import nl.peilbot.conversation.Conversations;
import nl.peilbot.conversation.Reply;
import nl.peilbot.conversation.Session;
import nl.peilbot.conversation.UnknownAccessException;
import nl.peilbot.engine.Inbound;
import nl.peilbot.engine.Outbound;

/**
 * Handles one Telegram update: hands it to the conversation and queues what the conversation says back.
 *
 * <p>Returns only once the update is recorded (or known to need no record), so a caller that confirms the update
 * to Telegram afterwards loses nothing in a crash; an update handled again is applied once, by its message id
 * {@code tg:<update_id>}, and shows the current step again. Updates of one chat are handled one at a time.
 */
final class UpdateHandler {

    static final String CHANNEL = "telegram";

    private static final Logger log = LoggerFactory.getLogger(UpdateHandler.class);
    private static final int LOCK_STRIPES = 64;

    private final Conversations conversations;
    private final TelegramClient telegram;
    private final OutboundQueue outbound;
    private final MessageRenderer renderer;
    private final ChatTexts texts;
    private final String openSurvey;
    private final UpdateReader reader = new UpdateReader();
    private final Lock[] chatLocks = new Lock[LOCK_STRIPES];

    UpdateHandler(Conversations conversations, TelegramClient telegram, OutboundQueue outbound,
                  MessageRenderer renderer, ChatTexts texts, String openSurvey) {
        this.conversations = conversations;
        this.telegram = telegram;
        this.outbound = outbound;
        this.renderer = renderer;
        this.texts = texts;
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
        Lock lock = chatLocks[Math.floorMod(Long.hashCode(input.chatId()), LOCK_STRIPES)];
        lock.lock();
        try {
            dispatch(input);
        } catch (AccessRefusedException e) {
            // Revoked, outside its window, paused or closed: nothing was recorded; the respondent is told why.
            refused(input, e.reason());
        } finally {
            lock.unlock();
        }
    }

    private void dispatch(TelegramInput input) {
        if (input instanceof TelegramInput.Start start) {
            start(start);
        } else if (input instanceof TelegramInput.Message message) {
            message(message);
        } else if (input instanceof TelegramInput.Press press) {
            press(press);
        } else if (input instanceof TelegramInput.NonText nonText) {
            say(nonText.chatId(), ChatTexts.NON_TEXT, languageOf(nonText.chatId(), nonText.language()));
        } else if (input instanceof TelegramInput.NotPrivate other) {
            say(other.chatId(), ChatTexts.PRIVATE_ONLY, other.language());
        }
    }

    private void start(TelegramInput.Start start) {
        String chat = String.valueOf(start.chatId());
        Session session;
        try {
            if (start.payload() != null) {
                session = conversations.open(new Access(start.payload(), null), CHANNEL, chat);
            } else {
                Optional<Session> resumed = conversations.resume(CHANNEL, chat);
                if (resumed.isEmpty() && openSurvey == null) {
                    say(start.chatId(), ChatTexts.NO_INVITATION, start.language());
                    return;
                }
                session = resumed.orElseGet(() -> conversations.open(new Access(null, openSurvey), CHANNEL, chat));
            }
        } catch (AccessRefusedException e) {
            // Revoked, withdrawn, outside its window: handle() tells the respondent why.
            throw e;
        } catch (UnknownAccessException e) {
            say(start.chatId(), start.payload() != null ? ChatTexts.UNKNOWN_TOKEN : ChatTexts.NO_INVITATION, start.language());
            return;
        } catch (ChannelTakenException e) {
            say(start.chatId(), ChatTexts.TAKEN, start.language());
            return;
        }
        List<Outbound> messages = new ArrayList<>();
        if (!session.transcript().isEmpty() && !session.completed()) {
            messages.add(new Outbound.Say(texts.text(ChatTexts.RESUMED, session.language())));
        }
        messages.addAll(session.messages());
        show(start.chatId(), messages);
    }

    private void message(TelegramInput.Message message) {
        Optional<Session> session = conversations.resume(CHANNEL, String.valueOf(message.chatId()));
        if (session.isEmpty()) {
            say(message.chatId(), ChatTexts.NO_INVITATION, message.language());
            return;
        }
        Reply reply = conversations.handle(session.get().responseId(), message.messageId(), message.input(), CHANNEL);
        show(message.chatId(), reply.messages());
    }

    private void press(TelegramInput.Press press) {
        Optional<Session> session = conversations.resume(CHANNEL, String.valueOf(press.chatId()));
        if (session.isEmpty()) {
            answer(press, texts.text(ChatTexts.NO_INVITATION, press.language()));
            return;
        }
        String responseId = session.get().responseId();
        Optional<CallbackData.Direct> pressed = CallbackData.decode(press.data())
                .flatMap(data -> data.resolve(lastAsk(data instanceof CallbackData.Indexed
                        ? conversations.current(responseId) : List.of())));
        if (pressed.isEmpty()) {
            stale(press, session.get().language());
            return;
        }
        Reply reply = conversations.handle(responseId, press.messageId(), new Inbound.Choice(pressed.get().code()),
                CHANNEL, pressed.get().step());
        if (reply.outcome() == Reply.Outcome.CONFLICT) {
            stale(press, reply.language());
            return;
        }
        answer(press, null);
        Outbound.Ask toggled = toggled(reply, pressed.get().step());
        if (toggled != null) {
            outbound.enqueue(List.of(new Outgoing.Keyboard(press.chatId(), press.pressedMessageId(), renderer.keyboard(toggled))));
            return;
        }
        outbound.enqueue(List.of(answered(press, reply)));
        show(press.chatId(), reply.messages());
    }

    /** The pressed message with its answer below it, or only without its buttons when it cannot be shown. */
    private Outgoing answered(TelegramInput.Press press, Reply reply) {
        if (reply.outcome() == Reply.Outcome.APPLIED && press.pressedText() != null && press.pressedLabel() != null) {
            String text = press.pressedText() + "\n\n" + MessageRenderer.TICK + press.pressedLabel().replace(MessageRenderer.TICK, "");
            if (text.length() <= TextSplitter.TELEGRAM_LIMIT) {
                return new Outgoing.Answered(press.chatId(), press.pressedMessageId(), text);
            }
        }
        return new Outgoing.Keyboard(press.chatId(), press.pressedMessageId(), null);
    }

    /** A button of a message whose question is no longer asked: say so briefly and take its buttons away. */
    private void stale(TelegramInput.Press press, String language) {
        answer(press, texts.text(ChatTexts.STALE, language));
        outbound.enqueue(List.of(new Outgoing.Keyboard(press.chatId(), press.pressedMessageId(), null)));
    }

    /** The prompt after a multiple-choice toggle, which only changes the ticks on the pressed message. */
    private static Outbound.Ask toggled(Reply reply, String step) {
        if (reply.outcome() != Reply.Outcome.APPLIED || reply.messages().size() != 1
                || !(reply.messages().get(0) instanceof Outbound.Ask ask)) {
            return null;
        }
        return ask.stepId().equals(step) && ask.input() == Outbound.InputKind.MULTIPLE_CHOICE ? ask : null;
    }

    private void show(long chatId, List<Outbound> messages) {
        List<Outgoing> outgoing = new ArrayList<>();
        outgoing.add(new Outgoing.Keyboard(chatId, null, null));
        outgoing.addAll(renderer.render(chatId, messages));
        outbound.enqueue(outgoing);
    }

    private void refused(TelegramInput input, AccessRefusedException.Reason reason) {
        String language = input instanceof TelegramInput.Start start ? start.language()
                : input instanceof TelegramInput.Message message ? message.language()
                : input instanceof TelegramInput.Press press ? press.language()
                : input instanceof TelegramInput.NonText nonText ? nonText.language() : null;
        String text = texts.text(ChatTexts.REFUSED_PREFIX + reason.code(), language == null ? "nl" : language);
        if (input instanceof TelegramInput.Press press) {
            answer(press, null);
        }
        outbound.enqueue(List.of(new Outgoing.Text(input.chatId(), text, null)));
    }

    private void say(long chatId, String key, String language) {
        outbound.enqueue(List.of(new Outgoing.Text(chatId, texts.text(key, language), null)));
    }

    /** Answers the callback query at once, so Telegram stops showing the button as busy. */
    private void answer(TelegramInput.Press press, String text) {
        try {
            telegram.execute(AnswerCallbackQuery.builder().callbackQueryId(press.callbackId()).text(text).build());
        } catch (TelegramApiException e) {
            // An unanswered query only leaves a spinner on the button for a while; the answer itself is stored.
            log.warn("answerCallbackQuery failed: {}", e.getClass().getName());
        }
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
}
