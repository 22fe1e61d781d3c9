package nl.peilbot.channel.telegram;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import com.mongodb.client.MongoDatabase;

import nl.peilbot.outbox.Outbox;
import nl.peilbot.outbox.OutboxHandler;

/** The stand-in {@link FerretOutbox} for the Telegram tests, while the application defines no outbox of its own. */
@TestConfiguration(proxyBeanMethods = false)
class OutboxForTests {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(Outbox.class)
    FerretOutbox testOutbox(MongoDatabase mongoDatabase, List<OutboxHandler> handlers) {
        return new FerretOutbox(mongoDatabase, handlers);
    }
}
