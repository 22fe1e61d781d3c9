package nl.peilbot.results;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The response filters of the raw-response, export and cross-tab routes, bound from the query string
 * ({@code status=completed|all}, {@code role}, {@code hospitalType}, {@code channel}); all optional.
 */
record ResponseFilter(@Schema(allowableValues = {"completed", "all"}) String status, String role, String hospitalType, String channel) {

    /** The query they ask for; an unknown status is a bad request. */
    ResponseQuery query() {
        return ResponseQuery.of(status, role, hospitalType, channel);
    }
}
