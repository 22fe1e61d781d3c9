package nl.peilbot.console;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import nl.peilbot.flow.Flow;
import nl.peilbot.response.ResponseProgress;
import nl.peilbot.response.ResponseReader;
import nl.peilbot.response.ResponseSelection;

/**
 * The progress of a survey wave's responses, read through the response module's reader, which never hands out the
 * content of an answer: answers never reach the console.
 */
@Component
class ProgressReader {

    private final ResponseReader responses;

    ProgressReader(ResponseReader responses) {
        this.responses = responses;
    }

    /** Every response of the flow's survey wave, by response id: O(responses), for explicit requests only. */
    Map<String, ResponseProgress> read(Flow flow) {
        Map<String, ResponseProgress> progress = new LinkedHashMap<>();
        responses.forEachProgress(flow, response -> progress.put(response.id(), response));
        return progress;
    }

    /** One response by {@code _id}, if it exists and belongs to the flow's survey wave. */
    Optional<ResponseProgress> find(Flow flow, String responseId) {
        return responses.progress(flow, responseId);
    }

    /** The ids of the wave's responses: a scan, done once per wave when its dashboard counters start. */
    void forEachId(Flow flow, Consumer<String> action) {
        responses.forEachId(ResponseSelection.ofWave(flow.id(), flow.wave()), action);
    }
}
