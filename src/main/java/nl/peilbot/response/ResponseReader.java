package nl.peilbot.response;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.bson.Document;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

import nl.peilbot.flow.Flow;

/**
 * How other modules read stored responses: as typed views ({@link ResponseView}, {@link ResponseProgress}), never
 * as documents, selected by a {@link ResponseSelection}. Reads one response by {@code _id} (index-served on every
 * database, so fit for a request or a fold) or streams a wave's responses in batches (a scan: for exports,
 * rebuilds and explicit requests). It never writes.
 */
@Component
@NamedInterface("reader")
public class ResponseReader {

    /** How many documents one round trip of a stream fetches: never a whole wave at once. */
    static final int BATCH = 500;

    private final MongoCollection<Document> responses;

    public ResponseReader(MongoDatabase database) {
        this.responses = database.getCollection(ResponseStore.COLLECTION);
    }

    /** The response with this id, if it exists. */
    public Optional<ResponseView> find(String responseId) {
        return Optional.ofNullable(responses.find(ResponseFilters.byId(responseId))
                .projection(Projections.include(ResponseDocuments.VIEW_FIELDS)).first()).map(ResponseDocuments::view);
    }

    /** The stored version of the response, if it exists: the one field read, not its answers. */
    public Optional<Long> version(String responseId) {
        return Optional.ofNullable(responses.find(ResponseFilters.byId(responseId))
                .projection(Projections.include("version")).first()).map(ResponseDocuments::version);
    }

    /**
     * Hands each selected response to {@code each}, fetched {@value #BATCH} at a time, in the database's natural order:
     * unsorted, so that FerretDB streams them too (it sorts a find in memory, holding every selected document).
     */
    public void forEach(ResponseSelection selection, Consumer<ResponseView> each) {
        responses.find(ResponseFilters.of(selection)).projection(Projections.include(ResponseDocuments.VIEW_FIELDS))
                .batchSize(BATCH).forEach(document -> each.accept(ResponseDocuments.view(document)));
    }

    /** The selected responses in a stable order (by id), {@code skip} and {@code limit} applied (limit 0: all). */
    public List<ResponseView> page(ResponseSelection selection, int skip, int limit) {
        List<ResponseView> page = new ArrayList<>();
        responses.find(ResponseFilters.of(selection)).projection(Projections.include(ResponseDocuments.VIEW_FIELDS))
                .sort(Sorts.ascending("_id")).skip(skip).limit(limit).batchSize(BATCH)
                .forEach(document -> page.add(ResponseDocuments.view(document)));
        return page;
    }

    public long count(ResponseSelection selection) {
        return responses.countDocuments(ResponseFilters.of(selection));
    }

    /** Hands the id of each selected response to {@code each}, fetched in batches. */
    public void forEachId(ResponseSelection selection, Consumer<String> each) {
        responses.find(ResponseFilters.of(selection)).projection(Projections.include("_id")).batchSize(BATCH)
                .forEach(document -> each.accept(document.getString("_id")));
    }

    /** How far the response with this id is, if it exists and belongs to the flow's survey wave. */
    public Optional<ResponseProgress> progress(Flow flow, String responseId) {
        Document document = responses.find(ResponseFilters.byId(responseId))
                .projection(Projections.include(ResponseDocuments.progressFields(flow))).first();
        if (document == null || !ResponseDocuments.ofWave(document, flow.id(), flow.wave())) {
            return Optional.empty();
        }
        return Optional.of(ResponseDocuments.progress(document, flow));
    }

    /** Hands how far each response of the flow's survey wave is to {@code each}, fetched in batches. */
    public void forEachProgress(Flow flow, Consumer<ResponseProgress> each) {
        responses.find(ResponseFilters.of(ResponseSelection.ofWave(flow.id(), flow.wave())))
                .projection(Projections.include(ResponseDocuments.progressFields(flow))).batchSize(BATCH)
                .forEach(document -> each.accept(ResponseDocuments.progress(document, flow)));
    }
}
