/**
 * The report's tables computed from completed responses: kept current on every completed, changed or withdrawn
 * response by folding queued per-response deltas into counters (O(1) per completion, exact across instances and
 * crashes), and read through {@link nl.peilbot.aggregation.Results}.
 *
 * <p>Reads responses only through the response module's reader ({@link nl.peilbot.response.ResponseReader}) and its
 * kept flow versions, and listens to the {@link nl.peilbot.response.ResponseCompleted} and
 * {@link nl.peilbot.response.ResponseWithdrawn} events; besides those it depends on the flow module only, never on the
 * engine, the conversation or the channels, so other intake routes can feed it. The rules are in
 * {@code docs/aggregation.md}.
 */
@ApplicationModule(allowedDependencies = {"flow", "lease", "response::events", "response::reader"})
package nl.peilbot.aggregation;

import org.springframework.modulith.ApplicationModule;
