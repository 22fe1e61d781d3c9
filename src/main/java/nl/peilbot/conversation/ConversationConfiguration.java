package nl.peilbot.conversation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import nl.peilbot.engine.BundleEngineMessages;
import nl.peilbot.engine.ConversationEngine;
import nl.peilbot.flow.FlowDirectory;

/**
 * The pure engine as a bean, with its texts from the message bundles; the flow files, read once for every module
 * that needs them; the retention task's schedule.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({FlowsProperties.class, RetentionProperties.class, WavesProperties.class})
@EnableScheduling
class ConversationConfiguration {

    @Bean
    ConversationEngine conversationEngine() {
        return new ConversationEngine(new BundleEngineMessages());
    }

    /** Start-up fails here, naming every problem, when a flow file is missing or broken. */
    @Bean
    FlowDirectory flowDirectory(FlowsProperties flows) {
        return FlowDirectory.load(flows.directory());
    }
}
