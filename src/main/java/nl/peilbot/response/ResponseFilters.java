package nl.peilbot.response;

import org.bson.conversions.Bson;

import com.mongodb.client.model.Filters;

/** The one place that builds the filters addressing a response document. */
final class ResponseFilters {

    private ResponseFilters() {
    }

    static Bson byId(String id) {
        return Filters.eq("_id", id);
    }
}
