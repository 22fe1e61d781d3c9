package nl.peilbot.outbox;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;

import com.mongodb.client.MongoDatabase;

/** The outbox on the application's database, its worker fed with every {@link OutboxHandler} bean. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
class OutboxConfiguration {

    @Bean
    OutboxStore outboxStore(MongoDatabase database) {
        return new OutboxStore(database);
    }

    @Bean
    OutboxWorker outboxWorker(OutboxStore store, ObjectProvider<OutboxHandler> handlers, OutboxProperties settings,
                              Clock clock, TaskScheduler scheduler) {
        return new OutboxWorker(store, () -> handlers.orderedStream().toList(), settings, clock,
                new Backoff(settings.maxBackoff(), () -> ThreadLocalRandom.current().nextDouble()), scheduler);
    }

    @Bean
    Outbox outbox(OutboxStore store, OutboxWorker worker, Clock clock) {
        return new DurableOutbox(store, worker, clock);
    }
}
