/**
 * The report's tables computed from completed responses: kept current on every completed or changed response,
 * materialised in the {@code results} collection, and read through {@link nl.peilbot.aggregation.Results}.
 *
 * <p>Depends only on the MongoDB documents ({@code responses}, {@code flowVersions}, read with the driver), the
 * {@link nl.peilbot.response.ResponseCompleted} event and the flow module; never on the engine, the conversation
 * or the channels, so other intake routes can feed it. The rules are in {@code docs/aggregation.md}.
 */
package nl.peilbot.aggregation;
