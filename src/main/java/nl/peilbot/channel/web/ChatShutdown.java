package nl.peilbot.channel.web;

import java.time.Duration;

import org.springframework.context.SmartLifecycle;

/**
 * Ends the web chats first when the application stops: turns in flight still answer, then every connection is
 * closed with 1001 (going away) and a reason, before the web server and the database client go.
 */
final class ChatShutdown implements SmartLifecycle {

    /** Shorter than Boot's default 30 s per shutdown phase; a turn normally takes milliseconds. */
    static final Duration TURN_PATIENCE = Duration.ofSeconds(20);

    private final ChatSocketHandler chats;
    private volatile boolean running;

    ChatShutdown(ChatSocketHandler chats) {
        this.chats = chats;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        chats.closeAll(TURN_PATIENCE);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The highest phase stops first: before the web server's graceful shutdown. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
