package nl.peilbot.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the application waits for the database ({@code peilbot.mongodb.*}). A chat turn fails fast with
 * "try again" when no server answers within {@code serverSelectionTimeout}; the socket timeout only catches a
 * server that stopped answering mid-operation, so it must stay longer than the heaviest legitimate query (a full
 * aggregation rebuild).
 *
 * @param serverSelectionTimeout how long an operation waits for a reachable server
 * @param connectTimeout         how long opening one connection may take
 * @param socketTimeout          how long one read may wait for the server's answer
 */
@ConfigurationProperties("peilbot.mongodb")
record MongoTimeouts(@DefaultValue("2s") Duration serverSelectionTimeout, @DefaultValue("2s") Duration connectTimeout,
                     @DefaultValue("120s") Duration socketTimeout) {
}
