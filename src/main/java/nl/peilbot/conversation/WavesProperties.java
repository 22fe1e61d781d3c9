package nl.peilbot.conversation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Whether a wave without its own setting accepts the open link ({@code peilbot.waves.open-link}, on by default). */
@ConfigurationProperties("peilbot.waves")
record WavesProperties(@DefaultValue("true") boolean openLink) {
}
