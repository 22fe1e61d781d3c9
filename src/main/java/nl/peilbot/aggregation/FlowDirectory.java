package nl.peilbot.aggregation;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The flow files' directory ({@code peilbot.flows.directory}), read here for the questions' labels and kinds. */
@ConfigurationProperties("peilbot.flows")
record FlowDirectory(Path directory) {
}
