package nl.peilbot.conversation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.peilbot.engine.BundleEngineMessages;
import nl.peilbot.engine.ConversationEngine;

/** The pure engine as a bean, with its texts from the message bundles. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FlowsProperties.class)
class ConversationConfiguration {

    @Bean
    ConversationEngine conversationEngine() {
        return new ConversationEngine(new BundleEngineMessages());
    }
}
