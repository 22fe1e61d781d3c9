package nl.peilbot;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import nl.peilbot.response.RecordedAnswer;
import nl.peilbot.response.ResponseProgress;
import nl.peilbot.response.ResponseReader;
import nl.peilbot.response.ResponseSelection;
import nl.peilbot.response.ResponseStatus;
import nl.peilbot.response.ResponseView;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code responses} document has one owner, {@code nl.peilbot.response}: no main-code class outside it names the
 * collections it owns, a stored status or a path into the document, and no class outside it that talks to the
 * database names a field of the document. Other modules read responses through {@link ResponseReader}'s typed views
 * and select them with a {@link ResponseSelection}; {@link ResponseStatus} is the one home of {@code completed}.
 */
class ResponseShapeGuardTests {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Path OWNER = MAIN.resolve("nl/peilbot/response");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    /** The collections the response module owns. */
    private static final Set<String> COLLECTIONS = Set.of("responses", "turns", "flowVersions");
    /** The stored statuses: only {@link ResponseStatus} says them. */
    private static final Set<String> STATUSES = Set.of("completed", "in_progress");
    /** Fields only the {@code responses} document has (and its {@code turns} copies); other collections share none. */
    private static final Set<String> FIELDS = Set.of("answers", "choices", "otherText", "entries", "skipped", "source",
            "secondsTaken", "answeredAt", "recentMessageIds", "flowVersion", "conversation", "completedAt",
            "consentedAt", "startedAt", "partial", "channels", "status");

    @Test
    void shouldNameNoResponseCollectionStatusOrFieldOutsideTheResponseModule() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.startsWith(OWNER)).sorted().toList()) {
                String source = Files.readString(file);
                boolean database = source.contains("import org.bson.") || source.contains("import com.mongodb.");
                List<String> lines = source.lines().toList();
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
                        continue;
                    }
                    String place = MAIN.relativize(file) + ":" + (i + 1) + " ";
                    Matcher literal = STRING.matcher(line);
                    while (literal.find()) {
                        problem(literal.group(1), database).ifPresent(p -> found.add(place + p));
                    }
                }
            }
        }

        assertThat(found).as("the responses document read outside nl.peilbot.response: use ResponseReader, "
                + "ResponseSelection and ResponseStatus instead").isEmpty();
    }

    @Test
    void shouldCatchEachKindOfLiteral() {
        assertThat(problem("responses", false)).hasValueSatisfying(p -> assertThat(p).contains("collection"));
        assertThat(problem("completed", false)).hasValueSatisfying(p -> assertThat(p).contains("status"));
        assertThat(problem("answers.familiarity.choices.code", false)).hasValueSatisfying(p -> assertThat(p).contains("path"));
        assertThat(problem("profile.region", false)).hasValueSatisfying(p -> assertThat(p).contains("path"));
        assertThat(problem("secondsTaken", true)).hasValueSatisfying(p -> assertThat(p).contains("field"));
        // a page's or an API's own words are no document access
        assertThat(problem("secondsTaken", false)).isEmpty();
        assertThat(problem("responses.csv", false)).isEmpty();
        assertThat(problem("The response is completed", false)).isEmpty();
    }

    /** The read API hands out typed views: no BSON document in or out, so the shape cannot leak through it. */
    @Test
    void shouldOfferTypedViewsOnly() {
        for (Class<?> type : List.of(ResponseReader.class, ResponseView.class, ResponseProgress.class,
                RecordedAnswer.class, ResponseSelection.class, ResponseStatus.class)) {
            for (Method method : type.getMethods()) {
                List<Class<?>> signature = new ArrayList<>(List.of(method.getParameterTypes()));
                signature.add(method.getReturnType());
                assertThat(signature).as(type.getSimpleName() + "." + method.getName())
                        .noneMatch(t -> t.getName().startsWith("org.bson") || t.getName().startsWith("com.mongodb.client.model"));
            }
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    assertThat(component.getType().getName()).as(type.getSimpleName() + "." + component.getName())
                            .doesNotStartWith("org.bson");
                }
            }
        }
    }

    private static Optional<String> problem(String literal, boolean database) {
        if (COLLECTIONS.contains(literal)) {
            return Optional.of("\"" + literal + "\" names a collection of the response module");
        }
        if (STATUSES.contains(literal)) {
            return Optional.of("\"" + literal + "\" is a stored status: say ResponseStatus");
        }
        if (literal.startsWith("answers.") || literal.startsWith("profile.") || literal.contains(".choices")) {
            return Optional.of("\"" + literal + "\" is a path into the responses document");
        }
        if (database && FIELDS.contains(literal)) {
            return Optional.of("\"" + literal + "\" is a field of the responses document, named by a class "
                    + "that talks to the database");
        }
        return Optional.empty();
    }
}
