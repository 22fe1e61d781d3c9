package nl.peilbot.results;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

import nl.peilbot.flow.Flow;
import nl.peilbot.response.ResponseStatus;

/**
 * The response filters of the raw-response, export and cross-tab routes, bound from the query string
 * ({@code status=completed|all}, {@code channel}); all optional. Filters on the flow's dimensions and choice
 * questions come as {@code filter.<id>=<code>} parameters and are read by {@link #query(Flow, Map)}.
 */
record ResponseFilter(@Schema(allowableValues = {ResponseStatus.COMPLETED_CODE, ResponseQuery.ALL}) String status, String channel) {

    /** The query they ask for, with the {@code filter.*} parameters among {@code parameters}; unknown ones are a bad request. */
    ResponseQuery query(Flow flow, Map<String, String> parameters) {
        return ResponseQuery.of(status, channel, ResponseQuery.choices(flow, parameters));
    }
}
