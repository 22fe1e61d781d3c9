package nl.peilbot.channel.web;

import static nl.peilbot.channel.web.ChatClient.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The database goes away under a running application and comes back: chats get a quick {@code unavailable} with
 * their message id instead of hanging, and the same connections answer on once it is back, with no restart.
 * Uses its own FerretDB, started and stopped with {@code scripts/start-ferretdb} / {@code scripts/stop-ferretdb}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "peilbot.organiser.password=" + Invitations.PASSWORD)
class WebChatOutageTests {

    private static final Path DATA = temporaryFolder();
    private static final int DATABASE_PORT = freePort();

    static {
        ferretDb("start-ferretdb", String.valueOf(DATABASE_PORT), DATA.toString());
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + DATABASE_PORT + "/web_chat_outage");
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        ferretDb("stop-ferretdb", DATA.toString());
        try (Stream<Path> files = Files.walk(DATA)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    MongoClient mongo;

    @Test
    void shouldAnswerUnavailableQuicklyWhileTheDatabaseIsDownAndGoOnOnTheSameConnectionsAfterwards() throws Exception {
        Invitations.Invitation first = new Invitations(json, port).create();
        Invitations.Invitation second = new Invitations(json, port).create();
        try (ChatClient one = open(first); ChatClient two = open(second)) {
            ferretDb("stop-ferretdb", DATA.toString());

            long start = System.nanoTime();
            String id = one.message("choice", "code", "#yes");
            JsonNode error = one.next();
            System.out.printf("database down: unavailable after %d ms%n", (System.nanoTime() - start) / 1_000_000);
            assertThat(type(error)).isEqualTo("error");
            assertThat(error.get("code").stringValue()).isEqualTo("unavailable");
            assertThat(error.get("id").stringValue()).isEqualTo(id);
            assertThat(error.get("retryAfterMs").longValue()).isPositive();
            String otherId = two.message("choice", "code", "#yes");
            assertThat(two.next().get("code").stringValue()).isEqualTo("unavailable");
            assertThat(one.isOpen()).isTrue();

            ferretDb("start-ferretdb", String.valueOf(DATABASE_PORT), DATA.toString());

            // What the widget does: the same message, same id, after the retry hint, until it is acknowledged.
            assertThat(resendUntilAcknowledged(one, id)).isEqualTo("applied");
            assertThat(resendUntilAcknowledged(two, otherId)).isEqualTo("applied");
            assertThat(one.lastAsk().get("step").stringValue()).as("the conversation moved on").isEqualTo("familiarity");
            assertThat(stored(first).getList("recentMessageIds", String.class)).containsOnlyOnce(id);
        }
        assertThat(stored(first).get("answers", Document.class)).as("consent given, nothing else").isNotNull();
        assertThat(stored(first).getString("status")).isNotEqualTo("completed");
    }

    private String resendUntilAcknowledged(ChatClient chat, String id) {
        JsonNode ask = chat.lastAsk();
        String[] outcome = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            chat.send(Map.of("type", "choice", "id", id, "code", "#yes", "step", ask.get("step").stringValue(),
                    "ask", ask.get("ask").stringValue()));
            List<JsonNode> frames = chat.turn();
            JsonNode first = frames.get(0);
            if (type(first).equals("ack")) {
                outcome[0] = first.get("outcome").stringValue();
                return true;
            }
            assertThat(first.get("code").stringValue()).isEqualTo("unavailable");
            return false;
        });
        return outcome[0];
    }

    private ChatClient open(Invitations.Invitation invitation) throws Exception {
        ChatClient chat = ChatClient.connect(json, port);
        chat.send(Map.of("type", "hello", "token", invitation.token()));
        chat.turn();
        return chat;
    }

    private Document stored(Invitations.Invitation invitation) {
        return mongo.getDatabase("web_chat_outage").getCollection("responses")
                .find(Filters.eq("_id", invitation.responseId())).first();
    }

    private static void ferretDb(String script, String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("bash", Path.of("scripts", script).toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("peilbot-outage-ferretdb-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
