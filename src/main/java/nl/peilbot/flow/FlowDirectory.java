package nl.peilbot.flow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The flow files of one directory ({@code conversation-flows/}), each read, parsed and validated once: the one
 * place that reads them. Every {@code *.yaml} file is a survey; two files may not share a survey id.
 *
 * <p>Lookups of an unknown (or null) survey or wave answer empty, never null.
 */
public final class FlowDirectory {

    /** A flow with the text it was parsed from (kept when a response first uses it). */
    public record FlowFile(Flow flow, String yaml) {
    }

    private final Path directory;
    private final Map<String, FlowFile> bySurvey;

    private FlowDirectory(Path directory, Map<String, FlowFile> bySurvey) {
        this.directory = directory;
        this.bySurvey = bySurvey;
    }

    /** The directory the flows were read from (published figures and report templates sit beside them). */
    public Path directory() {
        return directory;
    }

    /**
     * Reads every flow file of {@code directory}.
     *
     * @throws FlowException naming every problem at once: a missing or empty directory, a broken file (with its
     *                       question and problem), a survey id used by two files
     */
    public static FlowDirectory load(Path directory) {
        if (directory == null || !Files.isDirectory(directory)) {
            throw new FlowException(new FlowProblem(String.valueOf(directory), null,
                    "flow directory (peilbot.flows.directory) does not exist"));
        }
        List<Path> files = Flows.files(directory);
        if (files.isEmpty()) {
            throw new FlowException(new FlowProblem(directory.toString(), null, "contains no *.yaml flow files"));
        }
        Map<String, FlowFile> bySurvey = new LinkedHashMap<>();
        List<FlowProblem> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                String yaml = Flows.read(file);
                Flow flow = Flows.parse(file.toString(), yaml);
                FlowFile earlier = bySurvey.putIfAbsent(flow.id(), new FlowFile(flow, yaml));
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
        return new FlowDirectory(directory, bySurvey);
    }

    /** The file's flow of this survey, if there is one. */
    public Optional<Flow> current(String surveyId) {
        return file(surveyId).map(FlowFile::flow);
    }

    /** The file of this survey with its text, if there is one. */
    public Optional<FlowFile> file(String surveyId) {
        return Optional.ofNullable(surveyId).map(bySurvey::get);
    }

    /** The file's flow of this survey wave: empty when the survey has no file or its file is of another wave. */
    public Optional<Flow> ofWave(String surveyId, String wave) {
        return current(surveyId).filter(flow -> flow.wave().equals(wave));
    }

    /** Every file's flow, in file order. */
    public List<Flow> flows() {
        return bySurvey.values().stream().map(FlowFile::flow).toList();
    }
}
