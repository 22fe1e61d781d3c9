/**
 * The pure conversation engine: given a flow, the conversation state and one inbound event, it returns the
 * new state and the messages to send. It knows nothing of Spring, WebSocket, Telegram or MongoDB.
 *
 * <p>Entry points: {@link nl.peilbot.engine.ConversationEngine} with {@link nl.peilbot.engine.BundleEngineMessages}, and
 * {@link nl.peilbot.engine.StateCheck} to verify a state. Respondent texts live in
 * {@code engine/messages_nl.properties} and {@code engine/messages_en.properties} (same keys, MessageFormat patterns);
 * the words the engine recognises (commands, yes/no, done, submit, change, language names) live, for all languages
 * together, in {@code engine/commands.properties}.
 */
package nl.peilbot.engine;
