/**
 * The analysts' side of the results: the REST API under {@code /api/results}, exports (CSV, XLSX, SPSS syntax), the
 * live results page {@code /results} and the webhook for integrations.
 *
 * <p>Built on the aggregation module's {@link nl.peilbot.aggregation.Results} and its table records; where those
 * cannot answer a filter it reads raw responses through the response module's reader. Everything it hands out is
 * pseudonymised: a stable pseudonym stands for the response id. The page's summary measures the response rate
 * against the target and invitations the console keeps ({@link nl.peilbot.console.ResponseRates}). See
 * {@code docs/results-api.md}.
 */
@ApplicationModule(allowedDependencies = {"aggregation", "console", "csv", "flow", "outbox", "response::events", "response::reader", "system"})
package nl.peilbot.results;

import org.springframework.modulith.ApplicationModule;
