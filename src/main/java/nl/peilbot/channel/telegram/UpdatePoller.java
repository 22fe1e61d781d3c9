package nl.peilbot.channel.telegram;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.AsyncTaskExecutor;
import org.telegram.telegrambots.longpolling.interfaces.BackOff;
import org.telegram.telegrambots.longpolling.util.ExponentialBackOff;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Long polling that confirms an update to Telegram only after it was handled: the offset of the next
 * {@code getUpdates} moves past an update once its handler ({@link UpdateHandler}) returned for it. An update whose handling
 * failed, or that was being handled when the process died, is therefore delivered again.
 *
 * <p>The library's own {@code TelegramBotsLongPollingApplication} moves the offset on before its consumer has
 * run, which would lose such updates; only its back-off is used here.
 *
 * <p>The loop is one long task on the application's task executor (it holds one of its threads while the bot is
 * on). It stops in the first shutdown phase, before that executor waits for its running tasks: a long poll would
 * otherwise hold the shutdown for the executor's whole time-out.
 */
final class UpdatePoller implements SmartLifecycle, AutoCloseable {

    static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query");

    private static final Logger log = LoggerFactory.getLogger(UpdatePoller.class);
    private static final int MAX_ATTEMPTS = 20;
    private static final int BATCH = 100;
    private static final long MAX_PAUSE_MILLIS = 60_000;

    private final TelegramClient telegram;
    private final Consumer<Update> handler;
    private final BotSetup setup;
    private final TelegramPulse pulse;
    private final int timeoutSeconds;
    private final AsyncTaskExecutor executor;
    private final BackOff backOff = new ExponentialBackOff();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Future<?> loop;
    private volatile boolean looping;
    private volatile boolean running = true;
    private int offset;
    private int failingUpdate;
    private int attempts;

    /** @param handler handles one update and returns only once it is recorded; throws to have it delivered again */
    UpdatePoller(TelegramClient telegram, Consumer<Update> handler, BotSetup setup, TelegramPulse pulse,
                 Duration timeout, AsyncTaskExecutor executor) {
        this.telegram = telegram;
        this.handler = handler;
        this.setup = setup;
        this.pulse = pulse;
        this.timeoutSeconds = (int) Math.max(0, timeout.toSeconds());
        this.executor = executor;
    }

    @Override
    public void start() {
        loop = executor.submit(this::loop);
    }

    @Override
    public void stop() {
        try {
            close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return loop != null && running;
    }

    /** Stops polling: interrupts a poll in progress and waits (up to five seconds) until the loop has ended. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        Future<?> started = loop;
        if (started != null) {
            started.cancel(true);
        }
        if (looping) {
            ended.await(5, TimeUnit.SECONDS);
        }
    }

    /** Whether the polling loop runs now. */
    boolean polling() {
        return looping;
    }

    private void loop() {
        looping = true;
        try {
            run();
        } finally {
            looping = false;
            ended.countDown();
        }
    }

    private void run() {
        if (!running) {
            return;
        }
        setup.announce();
        while (running && !webhookDeleted()) {
            pause();
        }
        while (running) {
            List<Update> updates;
            try {
                updates = telegram.execute(GetUpdates.builder().offset(offset).limit(BATCH).timeout(timeoutSeconds)
                        .allowedUpdates(ALLOWED_UPDATES).build());
                backOff.reset();
                pulse.polled();
            } catch (TelegramApiException e) {
                if (running) {
                    pulse.pollFailed(BotSetup.why(e));
                    log.warn("getUpdates failed ({}); polling again shortly", BotSetup.why(e));
                    pause();
                }
                continue;
            }
            for (Update update : updates) {
                if (!running || !handled(update)) {
                    break;
                }
                offset = update.getUpdateId() + 1;
            }
        }
    }

    /** Whether the update is done with; false to fetch it again after a pause. */
    private boolean handled(Update update) {
        try {
            handler.accept(update);
            attempts = 0;
            return true;
        } catch (RuntimeException e) {
            attempts = update.getUpdateId() == failingUpdate ? attempts + 1 : 1;
            failingUpdate = update.getUpdateId();
            if (attempts >= MAX_ATTEMPTS) {
                log.error("Telegram update {} failed {} times ({}); skipped", update.getUpdateId(), attempts,
                        e.getClass().getName());
                attempts = 0;
                return true;
            }
            log.warn("Telegram update {} failed ({}); it will be handled again", update.getUpdateId(), e.getClass().getName());
            pause();
            return false;
        }
    }

    private boolean webhookDeleted() {
        try {
            setup.deleteWebhook();
            return true;
        } catch (TelegramApiException e) {
            pulse.pollFailed(BotSetup.why(e));
            log.warn("deleteWebhook failed ({}); trying again", BotSetup.why(e));
            return false;
        }
    }

    private void pause() {
        try {
            Thread.sleep(Math.min(backOff.nextBackOffMillis(), MAX_PAUSE_MILLIS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
