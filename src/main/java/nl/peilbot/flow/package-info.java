/**
 * Loads questionnaires from {@code conversation-flows/} and validates them; plain Java, no framework types.
 */
package nl.peilbot.flow;
