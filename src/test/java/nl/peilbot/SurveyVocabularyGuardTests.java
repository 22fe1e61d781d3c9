package nl.peilbot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import nl.peilbot.flow.Analysis;
import nl.peilbot.flow.AnswerOption;
import nl.peilbot.flow.CodingCategory;
import nl.peilbot.flow.Field;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Flows;
import nl.peilbot.flow.Question;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Peilbot is a survey service: no main-code Java string literal names a question id, profile field, field id or
 * option code of any flow in {@code conversation-flows/}. Every survey fact belongs in its flow file.
 *
 * <p>A literal counts when it is a key or a path ({@code "hospital"}, {@code "profile.role"}, {@code "hc/"}):
 * one token of letters, digits, '-', '_', '.', '/', ':' or '#'; each part between separators is compared with the
 * flows' vocabulary. Sentences (log and error messages, API descriptions) are for people and are not keys.
 */
class SurveyVocabularyGuardTests {

    private static final Path FLOWS = Path.of("conversation-flows");
    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_./:#-]+");

    /**
     * Words a flow uses as a code that are also part of Peilbot's own vocabulary, each with why the main code may
     * say it. Nothing survey-specific belongs here.
     */
    private static final Map<String, String> GENERIC = Map.ofEntries(
            Map.entry("other", "the flow format's 'other' option flag and the stored answer's otherText, for every survey"),
            Map.entry("text", "the stored answer's 'text' field of every open question (document shape)"),
            Map.entry("yes", "XML's standalone=\"yes\" in the XLSX writer's templates"),
            Map.entry("position", "a contribution's or dashboard fold's place in a fold chain (document shape)"),
            Map.entry("no", "the engine's own consent and confirmation: button '#no', message keys button.no, word.no"),
            Map.entry("none", "XLSX's patternType=\"none\" in the XLSX writer's styles"));

    @Test
    void shouldNameNoQuestionFieldOrOptionOfAnyFlowInMainCode() throws IOException {
        Set<String> vocabulary = vocabulary();
        assertThat(vocabulary).as("the flows' ids and codes").isNotEmpty();

        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (line.strip().startsWith("*") || line.strip().startsWith("//")) {
                        continue;
                    }
                    Matcher literal = STRING.matcher(line);
                    while (literal.find()) {
                        for (String word : survey(literal.group(1), vocabulary)) {
                            found.add(MAIN.relativize(file) + ":" + (i + 1) + " \"" + literal.group(1) + "\" names '" + word + "'");
                        }
                    }
                }
            }
        }

        assertThat(found).as("survey facts in Java: declare them in the flow file instead").isEmpty();
    }

    @Test
    void shouldCatchAFieldNamedInAKeyOrPath() {
        Set<String> vocabulary = Set.of("hospital", "role");

        assertThat(survey("profile.hospital", vocabulary)).containsExactly("hospital");
        assertThat(survey("hc/role", vocabulary)).containsExactly("role");
        assertThat(survey("The survey's results (role ANALYST)", vocabulary)).isEmpty();
    }

    private static List<String> survey(String literal, Set<String> vocabulary) {
        if (!KEY.matcher(literal).matches()) {
            return List.of();
        }
        return Stream.of(literal.split("[./:#]")).filter(vocabulary::contains).filter(w -> !GENERIC.containsKey(w)).toList();
    }

    private static Set<String> vocabulary() throws IOException {
        Set<String> words = new TreeSet<>();
        for (Path file : Flows.files(FLOWS)) {
            Flow flow = Flows.load(file);
            for (Question question : flow.steps()) {
                words.add(question.id());
                question.options().stream().map(AnswerOption::code).forEach(words::add);
                question.fields().stream().map(Field::id).forEach(words::add);
                question.coding().stream().map(CodingCategory::code).forEach(words::add);
            }
            Analysis analysis = flow.analysis();
            analysis.countedField().ifPresent(counted -> {
                words.add(counted.field());
                counted.categories().forEach(c -> words.add(c.code()));
            });
        }
        return words;
    }
}
