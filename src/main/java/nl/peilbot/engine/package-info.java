/**
 * The pure conversation engine: given a flow, the conversation state and one inbound event, it returns the
 * new state and the messages to send. It knows nothing of Spring, WebSocket, Telegram or MongoDB.
 */
package nl.peilbot.engine;
