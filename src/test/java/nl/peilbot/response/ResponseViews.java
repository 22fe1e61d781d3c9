package nl.peilbot.response;

import org.bson.Document;

/** Hand-built {@code responses} documents read as other modules read stored ones, for tests that need no database. */
public final class ResponseViews {

    private ResponseViews() {
    }

    public static ResponseView of(Document document) {
        return ResponseDocuments.view(document);
    }
}
