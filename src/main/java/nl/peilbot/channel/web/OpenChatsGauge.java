package nl.peilbot.channel.web;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code peilbot.conversations.open{channel=web}}: the chat connections this instance holds open. A sum over the
 * instances is the live load; counted in memory, because counting the stored responses by status reads the whole
 * collection on FerretDB (organisers see each wave's started and completed counts on the console's dashboard).
 */
class OpenChatsGauge implements MeterBinder {

    private final ChatSocketHandler chats;

    OpenChatsGauge(ChatSocketHandler chats) {
        this.chats = chats;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("peilbot.conversations.open", chats, ChatSocketHandler::openConnections)
                .description("Chat connections open on this instance").tag("channel", "web").register(registry);
    }
}
