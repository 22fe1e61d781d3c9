package nl.peilbot.channel.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which sites may open the chat's WebSocket ({@code peilbot.web.allowed-origins}, origin patterns): any by default,
 * because the widget is embedded on the survey owner's sites; the invitation token, not the origin, is the secret.
 */
@ConfigurationProperties("peilbot.web")
record WebChatProperties(@DefaultValue("*") List<String> allowedOrigins) {
}
