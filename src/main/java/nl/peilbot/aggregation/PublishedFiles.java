package nl.peilbot.aggregation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.error.YAMLException;

import nl.peilbot.flow.FlowDirectory;
import nl.peilbot.flow.Flows;

/**
 * Earlier waves entered as published figures next to the flows, {@code <flow directory>/published/<survey>.yaml};
 * read on every request, so an analyst's correction counts without a restart.
 */
@Component
class PublishedFiles {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]*");

    private final Path directory;

    PublishedFiles(FlowDirectory flows) {
        this.directory = flows.directory().resolve("published");
    }

    /** The wave's published figures, if a file holds them; a broken file throws {@link PublishedFiguresException}. */
    Optional<PublishedFigures> wave(WaveId wave) {
        if (!SAFE.matcher(wave.survey()).matches()) {
            return Optional.empty();
        }
        Path file = directory.resolve(wave.survey() + ".yaml");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            PublishedFigures figures = parse("published/" + file.getFileName(), Files.readString(file, StandardCharsets.UTF_8));
            return figures.wave().equals(wave) ? Optional.of(figures) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a published-figures file; a mistake throws {@link PublishedFiguresException} naming the file and what. */
    static PublishedFigures parse(String name, String yaml) {
        try {
            Object root = Flows.yaml(yaml);
            Map<?, ?> wave = map(root, name);
            WaveId id = new WaveId(text(wave, "survey", name), text(wave, "wave", name));
            Map<String, PublishedFigures.Question> questions = new LinkedHashMap<>();
            for (Object item : list(wave.get("questions"), name + ": questions")) {
                Map<?, ?> question = map(item, name + ": a question");
                String questionId = text(question, "id", name);
                String where = name + ": question " + questionId;
                String kind = text(question, "kind", where);
                if (!kind.equals("single-choice") && !kind.equals("multiple-choice")) {
                    throw new PublishedFiguresException(where + ": published figures are entered for choice questions only");
                }
                PublishedFigures.Counts byRespondent = counts(question.get("respondents"), where + ": respondents");
                PublishedFigures.Counts byUnit = counts(question.get("units"), where + ": units");
                if (byRespondent == null && byUnit == null) {
                    throw new PublishedFiguresException(where + ": give 'respondents' or 'units' with base and counts");
                }
                questions.put(questionId, new PublishedFigures.Question(questionId, kind,
                        String.valueOf(question.get("text")), byRespondent, byUnit));
            }
            return new PublishedFigures(id, optional(wave, "title"), optional(wave, "source"),
                    number(wave.get("respondents"), 0, name + ": respondents"),
                    number(wave.get("units"), 0, name + ": units"), questions);
        } catch (YAMLException e) {
            throw new PublishedFiguresException(name + ": not readable as YAML: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    private static PublishedFigures.Counts counts(Object value, String where) {
        if (value == null) {
            return null;
        }
        Map<?, ?> counts = map(value, where);
        int base = number(counts.get("base"), -1, where + ": base");
        if (base <= 0) {
            throw new PublishedFiguresException(where + ": 'base' (a positive whole number) is missing");
        }
        Map<String, Integer> numbers = new LinkedHashMap<>();
        map(counts.get("counts"), where + ": counts").forEach((code, count) -> {
            int n = number(count, -1, where + ": " + code);
            if (n < 0 || n > base) {
                throw new PublishedFiguresException(where + ": the count of '" + code
                        + "' must lie between 0 and the base " + base);
            }
            numbers.put(String.valueOf(code), n);
        });
        Map<String, String> labels = new LinkedHashMap<>();
        if (counts.get("labels") != null) {
            map(counts.get("labels"), where + ": labels").forEach((code, label) -> labels.put(String.valueOf(code),
                    String.valueOf(label)));
        }
        return new PublishedFigures.Counts(base, numbers, labels);
    }

    private static Map<?, ?> map(Object value, String where) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new PublishedFiguresException(where + ": expected a mapping");
        }
        return map;
    }

    private static List<?> list(Object value, String where) {
        if (!(value instanceof List<?> list)) {
            throw new PublishedFiguresException(where + ": expected a list");
        }
        return list;
    }

    private static String text(Map<?, ?> map, String key, String where) {
        Object value = map.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new PublishedFiguresException(where + ": '" + key + "' is missing");
        }
        return String.valueOf(value);
    }

    private static String optional(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value == null ? null : String.valueOf(value);
    }

    private static int number(Object value, int absent, String where) {
        if (value == null) {
            return absent;
        }
        if (!(value instanceof Integer number)) {
            throw new PublishedFiguresException(where + ": expected a whole number, not '" + value + "'");
        }
        return number;
    }
}
