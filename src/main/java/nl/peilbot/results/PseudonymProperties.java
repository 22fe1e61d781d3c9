package nl.peilbot.results;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The secret behind the pseudonyms ({@code peilbot.results.pseudonym-secret}, from {@code PEILBOT_PSEUDONYM_SECRET});
 * blank means one generated on the first start and kept in MongoDB.
 */
@ConfigurationProperties("peilbot.results")
record PseudonymProperties(String pseudonymSecret) {
}
