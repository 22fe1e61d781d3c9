package nl.peilbot.response;

import java.util.ArrayList;
import java.util.List;

import org.bson.conversions.Bson;

import com.mongodb.client.model.Filters;

/**
 * The one place that builds the filters on {@code responses} documents. Only {@link #byId} is index-served on
 * FerretDB (every per-request read goes by it); the others scan a collection and are for exports, rebuilds and
 * explicit analyst requests only.
 */
final class ResponseFilters {

    private ResponseFilters() {
    }

    static Bson byId(String id) {
        return Filters.eq("_id", id);
    }

    static Bson of(ResponseSelection selection) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("survey", selection.survey()),
                Filters.eq("wave", selection.wave())));
        if (selection.status() != null) {
            filters.add(withStatus(selection.status()));
        }
        selection.profile().forEach((field, code) -> filters.add(Filters.eq("profile." + field, code)));
        selection.chosen().forEach((question, code) -> filters.add(Filters.eq("answers." + question + ".choices.code", code)));
        if (selection.channel() != null) {
            filters.add(Filters.eq("channels", selection.channel()));
        }
        return Filters.and(filters);
    }

    static Bson withStatus(ResponseStatus status) {
        return Filters.eq("status", status.code());
    }
}
