package nl.peilbot.channel.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many frames one chat connection may send ({@code peilbot.web.rate-limit.*}): a token bucket that holds
 * {@code burst} frames and refills at {@code perSecond}. A person answering, even pressing options quickly, stays
 * far below it; a script flooding the socket gets {@code rate_limited} instead of database writes.
 */
@ConfigurationProperties("peilbot.web.rate-limit")
record ChatRateLimit(@DefaultValue("20") int burst, @DefaultValue("4") double perSecond) {

    ChatRateLimit {
        if (burst < 1 || perSecond <= 0) {
            throw new IllegalArgumentException("peilbot.web.rate-limit needs burst >= 1 and per-second > 0");
        }
    }
}
