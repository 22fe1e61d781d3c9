package nl.peilbot.channel.telegram;

import org.springframework.beans.factory.ObjectProvider;

import nl.peilbot.outbox.Delivery;
import nl.peilbot.outbox.OutboxHandler;
import nl.peilbot.outbox.OutboxMessage;

/** Applies a long text held for its continuation once none came ({@link UpdateHandler#PASTE_WINDOW}). */
final class PasteRelease implements OutboxHandler {

    private final ObjectProvider<UpdateHandler> updates;

    /** @param updates looked up when first needed: the handler queues in the outbox that calls this */
    PasteRelease(ObjectProvider<UpdateHandler> updates) {
        this.updates = updates;
    }

    @Override
    public String kind() {
        return UpdateHandler.PASTE_KIND;
    }

    @Override
    public Delivery deliver(OutboxMessage message) {
        try {
            updates.getObject().releaseHeldPaste(Long.parseLong((String) message.payload().get("chat")),
                    ((Number) message.payload().get("update")).intValue());
            return Delivery.sent();
        } catch (RuntimeException e) {
            // The database is unreachable or the access refused for now: the paste stays held, tried again later.
            return Delivery.retry(e.getClass().getName());
        }
    }
}
