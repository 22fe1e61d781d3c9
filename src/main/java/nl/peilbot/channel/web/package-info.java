/**
 * The web chat channel: a WebSocket endpoint that translates the JSON chat protocol to
 * {@link nl.peilbot.conversation.Conversations}, the embeddable widget and the standalone chat page.
 */
package nl.peilbot.channel.web;
