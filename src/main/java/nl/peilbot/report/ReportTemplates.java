package nl.peilbot.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import nl.peilbot.aggregation.WaveId;
import nl.peilbot.flow.FlowDirectory;

/** The report templates kept as data next to the flows: {@code <flow directory>/reports/<survey>.md}. */
@Component
class ReportTemplates {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.-]+");

    private final Path directory;

    ReportTemplates(FlowDirectory flows) {
        this.directory = flows.directory().resolve("reports");
    }

    /** The wave's template, read anew on every call so that an edited file shows in the next preview. */
    Optional<String> template(WaveId wave) {
        if (!SAFE.matcher(wave.survey()).matches() || wave.survey().startsWith(".")) {
            return Optional.empty();
        }
        Path file = directory.resolve(wave.survey() + ".md");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
