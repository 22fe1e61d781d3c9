/**
 * Where IO meets the engine: loads a response, runs one turn, saves it atomically and publishes events.
 * Channels call {@link nl.peilbot.conversation.Conversations} and nothing else.
 */
@ApplicationModule(allowedDependencies = {"engine", "flow", "invitation", "response", "response::events", "response::reader"})
package nl.peilbot.conversation;

import org.springframework.modulith.ApplicationModule;
