package nl.peilbot.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The flow module's entry point: parses and validates flow files.
 */
public final class Flows {

    private Flows() {
    }

    /** Parses and validates one flow; throws {@link FlowException} naming the source, question and problem. */
    public static Flow parse(String source, String yamlText) {
        List<FlowProblem> problems = new ArrayList<>();
        Flow flow = FlowParser.parse(source, yamlText, problems);
        problems.addAll(FlowValidator.validate(flow));
        if (!problems.isEmpty()) {
            throw new FlowException(problems);
        }
        return flow;
    }

    public static Flow load(Path file) {
        return parse(file.toString(), read(file));
    }

    /** Every {@code *.yaml} file directly in {@code directory}, sorted by file name. */
    public static List<Path> files(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list flow directory " + directory, e);
        }
    }

    /**
     * Loads YAML text the way flow files are read, for files that sit beside them: plain data only, {@code yes},
     * {@code no}, {@code on} and {@code off} as the strings they are (option codes), a repeated key refused.
     *
     * @throws org.yaml.snakeyaml.error.YAMLException when the text is no valid YAML
     */
    public static Object yaml(String text) {
        return FlowParser.load(text);
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new FlowException(new FlowProblem(file.toString(), null, "no such file"));
        } catch (IOException e) {
            throw new FlowException(new FlowProblem(file.toString(), null, "cannot be read: " + e));
        }
    }

    /** Problems that make {@code current} unable to take over from {@code previous} without re-interpreting stored answers. */
    public static List<FlowProblem> incompatibilities(Flow previous, Flow current) {
        return new ArrayList<>(FlowCompatibility.check(previous, current));
    }
}
