/**
 * The channels respondents answer in: the web chat ({@code web}) and the Telegram bot ({@code telegram}), thin
 * translators between their protocols and {@link nl.peilbot.conversation.Conversations}.
 */
@ApplicationModule(allowedDependencies = {"conversation", "engine", "flow", "console", "outbox", "system"})
package nl.peilbot.channel;

import org.springframework.modulith.ApplicationModule;
