package nl.peilbot.results;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The optional results webhook: where completed responses are POSTed ({@code PEILBOT_RESULTS_WEBHOOK_URL}), the
 * secret they are signed with ({@code PEILBOT_RESULTS_WEBHOOK_SECRET}), and how often and how patiently to retry.
 * Without a URL, or without a secret, nothing is sent.
 *
 * @param attempts       tries per delivery in all, the first included
 * @param initialBackoff the wait before the second try; each later wait doubles
 */
@ConfigurationProperties("peilbot.results.webhook")
record WebhookProperties(String url, String secret, @DefaultValue("6") int attempts,
                         @DefaultValue("2s") Duration initialBackoff, @DefaultValue("10s") Duration timeout) {

    boolean configured() {
        return url != null && !url.isBlank() && secret != null && !secret.isBlank();
    }
}
