package nl.peilbot.aggregation;

import java.util.Optional;

import org.springframework.stereotype.Component;

import nl.peilbot.flow.Flow;
import nl.peilbot.flow.FlowDirectory;
import nl.peilbot.response.FlowSnapshots;

/**
 * The flow that gives a wave's questions their labels, kinds, order and coding categories: the wave's flow file
 * when there is one, else the most recently first used version kept with the responses (a closed wave whose file was
 * removed). Answers are matched to it by question id and option code, whatever version they were given under.
 * Reads no file and no document itself: {@link FlowDirectory} and {@link FlowSnapshots} do.
 */
@Component
class WaveFlows {

    private final FlowDirectory files;
    private final FlowSnapshots snapshots;

    WaveFlows(FlowDirectory files, FlowSnapshots snapshots) {
        this.files = files;
        this.snapshots = snapshots;
    }

    Optional<Flow> flow(WaveId wave) {
        return files.ofWave(wave.survey(), wave.wave()).or(() -> snapshots.latest(wave.survey(), wave.wave()));
    }
}
