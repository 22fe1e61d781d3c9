package nl.peilbot.conversation;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the flow files are: {@code peilbot.flows.directory}, every {@code *.yaml} in it is a survey. */
@ConfigurationProperties("peilbot.flows")
record FlowsProperties(Path directory) {
}
