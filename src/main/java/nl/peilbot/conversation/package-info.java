/**
 * Where IO meets the engine: loads a response, runs one turn, saves it atomically and publishes events.
 * Channels call {@link nl.peilbot.conversation.Conversations} and nothing else.
 */
package nl.peilbot.conversation;
