package nl.peilbot.conversation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import nl.peilbot.flow.Flow;
import nl.peilbot.flow.FlowException;
import nl.peilbot.flow.FlowProblem;
import nl.peilbot.flow.Flows;
import nl.peilbot.invitation.Surveys;
import nl.peilbot.response.FlowSnapshot;
import nl.peilbot.response.FlowSnapshots;

/**
 * The flows in use: every flow file, loaded and validated at start-up, and the older versions that stored
 * responses were started with, from their snapshots.
 *
 * <p>Start-up fails on a broken flow file, and on a flow that could not take over the answers stored under
 * an earlier version of the same survey.
 */
@Component
class FlowCatalog implements Surveys {

    private record Loaded(Flow flow, String yaml) {
    }

    private final FlowSnapshots snapshots;
    private final Map<String, Loaded> currentBySurvey;
    private final Map<String, Flow> byVersion = new ConcurrentHashMap<>();
    private final Set<String> recordedVersions = ConcurrentHashMap.newKeySet();

    FlowCatalog(FlowsProperties properties, FlowSnapshots snapshots) {
        this.snapshots = snapshots;
        this.currentBySurvey = load(properties.directory());
        List<FlowProblem> problems = new ArrayList<>();
        for (Loaded loaded : currentBySurvey.values()) {
            byVersion.put(loaded.flow().version(), loaded.flow());
            problems.addAll(incompatibilitiesWithStoredVersions(loaded.flow()));
        }
        if (!problems.isEmpty()) {
            throw new FlowException(problems);
        }
    }

    @Override
    public Optional<Flow> current(String surveyId) {
        return Optional.ofNullable(surveyId).map(currentBySurvey::get).map(Loaded::flow);
    }

    /** The survey ids of the flow files, in file order. */
    List<String> surveys() {
        return List.copyOf(currentBySurvey.keySet());
    }

    /** The flow a response of {@code surveyId} was started with: the current one, or an older one from its snapshot. */
    Flow flow(String surveyId, String version) {
        return byVersion.computeIfAbsent(version, v -> {
            String yaml = snapshots.yaml(v).orElseThrow(() -> new IllegalStateException(
                    "no flow version " + v + " of survey '" + surveyId + "': neither a flow file nor a stored snapshot"));
            return Flows.parse("stored version " + v + " of " + surveyId, yaml);
        });
    }

    /** Keeps the text of a current flow once a response has been started with it. */
    void recordFirstUse(Flow flow, Instant now) {
        if (recordedVersions.contains(flow.version())) {
            return;
        }
        Loaded loaded = currentBySurvey.get(flow.id());
        if (loaded == null || !loaded.flow().version().equals(flow.version())) {
            return;
        }
        snapshots.saveIfAbsent(flow, loaded.yaml(), now);
        recordedVersions.add(flow.version());
    }

    private static Map<String, Loaded> load(Path directory) {
        if (directory == null || !Files.isDirectory(directory)) {
            throw new FlowException(new FlowProblem(String.valueOf(directory), null,
                    "flow directory (peilbot.flows.directory) does not exist"));
        }
        List<Path> files = Flows.files(directory);
        if (files.isEmpty()) {
            throw new FlowException(new FlowProblem(directory.toString(), null, "contains no *.yaml flow files"));
        }
        Map<String, Loaded> bySurvey = new LinkedHashMap<>();
        List<FlowProblem> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                String yaml = Flows.read(file);
                Flow flow = Flows.parse(file.toString(), yaml);
                Loaded earlier = bySurvey.putIfAbsent(flow.id(), new Loaded(flow, yaml));
                if (earlier != null) {
                    problems.add(new FlowProblem(file.toString(), null,
                            "survey id '" + flow.id() + "' is also used by " + earlier.flow().source()));
                }
            } catch (FlowException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new FlowException(problems);
        }
        return bySurvey;
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
