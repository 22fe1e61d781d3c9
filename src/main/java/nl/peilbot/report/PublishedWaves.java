package nl.peilbot.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import nl.peilbot.aggregation.WaveId;

/** Earlier waves entered as published figures next to the flows: {@code <flow directory>/published/<survey>.yaml}. */
@Component
class PublishedWaves {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]*");

    private final Path directory;

    PublishedWaves(@Value("${peilbot.flows.directory}") Path flows) {
        this.directory = flows.resolve("published");
    }

    /** The wave's published figures, if a file holds them; a broken file throws {@link TemplateException}. */
    Optional<PublishedWave> wave(WaveId wave) {
        if (!SAFE.matcher(wave.survey()).matches()) {
            return Optional.empty();
        }
        Path file = directory.resolve(wave.survey() + ".yaml");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            PublishedWave published = PublishedWave.parse("published/" + file.getFileName(),
                    Files.readString(file, StandardCharsets.UTF_8));
            return published.id().equals(wave) ? Optional.of(published) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
