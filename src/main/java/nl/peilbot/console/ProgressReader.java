package nl.peilbot.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Question;

/**
 * Reads the progress of a survey's responses from the {@code responses} collection. The projection asks only for
 * the time and source of each answer, never its content, so answers never reach the console.
 */
@Component
class ProgressReader {

    private final MongoCollection<Document> responses;

    ProgressReader(MongoDatabase database) {
        this.responses = database.getCollection("responses");
    }

    /** Every response of the flow's survey wave, by response id: O(responses), for explicit requests only. */
    Map<String, Progress> read(Flow flow) {
        Map<String, Progress> progress = new LinkedHashMap<>();
        responses.find(ofWave(flow)).projection(Projections.include(fields(flow)))
                .forEach(document -> progress.put(document.getString("_id"), progress(document, flow)));
        return progress;
    }

    /** One response by {@code _id}, if it exists and belongs to the flow's survey wave. */
    Optional<Progress> find(Flow flow, String responseId) {
        List<String> fields = fields(flow);
        fields.addAll(List.of("survey", "wave"));
        Document document = responses.find(Filters.eq("_id", responseId)).projection(Projections.include(fields)).first();
        if (document == null || !flow.id().equals(document.getString("survey")) || !flow.wave().equals(document.getString("wave"))) {
            return Optional.empty();
        }
        return Optional.of(progress(document, flow));
    }

    /** The ids of the wave's responses: a scan, done once per wave when its dashboard counters start. */
    void forEachId(Flow flow, Consumer<String> action) {
        responses.find(ofWave(flow)).projection(Projections.include("_id")).forEach(d -> action.accept(d.getString("_id")));
    }

    private static Bson ofWave(Flow flow) {
        return Filters.and(Filters.eq("survey", flow.id()), Filters.eq("wave", flow.wave()));
    }

    private static List<String> fields(Flow flow) {
        List<String> fields = new ArrayList<>(List.of("status", "partial", "startedAt", "updatedAt",
                "completedAt", "conversation.currentStep"));
        flow.unitField().ifPresent(unit -> fields.add("profile." + unit.id()));
        for (Question step : flow.steps()) {
            fields.add("answers." + step.id() + ".answeredAt");
            fields.add("answers." + step.id() + ".secondsTaken");
            fields.add("answers." + step.id() + ".source");
        }
        return fields;
    }

    private static Progress progress(Document document, Flow flow) {
        Document answers = document.get("answers", new Document());
        List<String> answered = new ArrayList<>();
        Map<String, Long> seconds = new LinkedHashMap<>();
        for (Question step : flow.steps()) {
            Object value = answers.get(step.id());
            if (!(value instanceof Document answer)) {
                continue;
            }
            answered.add(step.id());
            if ("chat".equals(answer.getString("source")) && answer.get("secondsTaken") instanceof Number taken) {
                seconds.put(step.id(), taken.longValue());
            }
        }
        Document profile = document.get("profile", new Document());
        Document conversation = document.get("conversation", new Document());
        return new Progress(document.getString("_id"), document.getString("status"),
                document.getBoolean("partial", false),
                flow.unitField().map(unit -> profile.get(unit.id()) instanceof String name ? name : null).orElse(null),
                instant(document.getDate("startedAt")), instant(document.getDate("updatedAt")),
                instant(document.getDate("completedAt")), conversation.getString("currentStep"), answered, seconds);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
