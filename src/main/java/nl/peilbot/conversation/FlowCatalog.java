package nl.peilbot.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import nl.peilbot.flow.Flow;
import nl.peilbot.flow.FlowDirectory;
import nl.peilbot.flow.FlowException;
import nl.peilbot.flow.FlowProblem;
import nl.peilbot.flow.Flows;
import nl.peilbot.invitation.Surveys;
import nl.peilbot.response.FlowSnapshot;
import nl.peilbot.response.FlowSnapshots;

/**
 * The flows in use: every flow file ({@link FlowDirectory}, loaded and validated at start-up), and the older versions
 * that stored responses were started with, from their snapshots.
 *
 * <p>Start-up fails on a broken flow file, and on a flow that could not take over the answers stored under
 * an earlier version of the same survey.
 */
@Component
class FlowCatalog implements Surveys {

    private final FlowSnapshots snapshots;
    private final FlowDirectory files;
    private final Map<String, Flow> byVersion = new ConcurrentHashMap<>();
    private final Set<String> recordedVersions = ConcurrentHashMap.newKeySet();

    FlowCatalog(FlowDirectory files, FlowSnapshots snapshots) {
        this.snapshots = snapshots;
        this.files = files;
        List<FlowProblem> problems = new ArrayList<>();
        for (Flow flow : files.flows()) {
            byVersion.put(flow.version(), flow);
            problems.addAll(incompatibilitiesWithStoredVersions(flow));
        }
        if (!problems.isEmpty()) {
            throw new FlowException(problems);
        }
    }

    @Override
    public Optional<Flow> current(String surveyId) {
        return files.current(surveyId);
    }

    /** The survey ids of the flow files, in file order. */
    List<String> surveys() {
        return files.flows().stream().map(Flow::id).toList();
    }

    /** The flow a response of {@code surveyId} was started with: the current one, or an older one from its snapshot. */
    Flow flow(String surveyId, String version) {
        return byVersion.computeIfAbsent(version, v -> snapshots.flow(v).orElseThrow(() -> new IllegalStateException(
                "no flow version " + v + " of survey '" + surveyId + "': neither a flow file nor a stored snapshot")));
    }

    /** Keeps the text of a current flow once a response has been started with it. */
    void recordFirstUse(Flow flow, Instant now) {
        if (recordedVersions.contains(flow.version())) {
            return;
        }
        FlowDirectory.FlowFile file = files.file(flow.id()).orElse(null);
        if (file == null || !file.flow().version().equals(flow.version())) {
            return;
        }
        snapshots.saveIfAbsent(flow, file.yaml(), now);
        recordedVersions.add(flow.version());
    }

    private List<FlowProblem> incompatibilitiesWithStoredVersions(Flow current) {
        List<FlowProblem> problems = new ArrayList<>();
        for (FlowSnapshot snapshot : snapshots.forSurvey(current.id())) {
            if (snapshot.version().equals(current.version())) {
                continue;
            }
            String stored = "stored version " + snapshot.version() + " (first used " + snapshot.firstUsedAt() + ")";
            Flow previous;
            try {
                previous = Flows.parse(snapshot.source() + ", " + stored, snapshot.yaml());
            } catch (FlowException e) {
                problems.add(new FlowProblem(current.source(), null, stored + " of this survey no longer loads, "
                        + "so its responses cannot go on: " + e.getMessage()));
                continue;
            }
            byVersion.put(previous.version(), previous);
            for (FlowProblem problem : Flows.incompatibilities(previous, current)) {
                problems.add(new FlowProblem(current.source(), problem.questionId(),
                        "incompatible with " + stored + ": " + problem.problem()));
            }
        }
        return problems;
    }
}
