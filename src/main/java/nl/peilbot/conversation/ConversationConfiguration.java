package nl.peilbot.conversation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import nl.peilbot.engine.BundleEngineMessages;
import nl.peilbot.engine.ConversationEngine;

/** The pure engine as a bean, with its texts from the message bundles; the channels' view of the service. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FlowsProperties.class)
class ConversationConfiguration {

    @Bean
    ConversationEngine conversationEngine() {
        return new ConversationEngine(new BundleEngineMessages());
    }

    /** What channels inject: the service with storage outages as {@link StorageUnavailableException}. */
    @Bean
    @Primary
    Conversations conversations(ConversationService service) {
        return new StorageFailures(service);
    }
}
