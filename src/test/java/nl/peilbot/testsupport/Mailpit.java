package nl.peilbot.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Mailpit (SMTP server with an HTTP API) for tests: started once per JVM on two free loopback ports with a
 * throw-away database, stopped at JVM exit. Tests read what arrived through its API, never through a mock.
 *
 * <p>It accepts recipients in {@code example.org} (and its sub-domains) only; any other address is refused with
 * {@code 550}, the permanent failure the tests need. The binary is {@code .local/bin/mailpit}, which
 * {@code scripts/install-mailpit} builds when it is missing.
 */
public final class Mailpit {

    /** Addresses in this domain are accepted; others get 550. */
    public static final String ACCEPTED_DOMAIN = "example.org";
    private static final Path BINARY = Path.of(".local/bin/mailpit");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Mailpit instance;

    private final Process process;
    private final int smtpPort;
    private final int httpPort;
    private final Path data;

    private Mailpit(Process process, int smtpPort, int httpPort, Path data) {
        this.process = process;
        this.smtpPort = smtpPort;
        this.httpPort = httpPort;
        this.data = data;
    }

    /** The JVM's Mailpit, started on first use. */
    public static synchronized Mailpit shared() {
        if (instance == null) {
            install();
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "mailpit-stop"));
        }
        return instance;
    }

    public int smtpPort() {
        return smtpPort;
    }

    /** One received message as the API lists it, with its text and headers fetched. */
    public record Mail(String id, String created, String messageId, List<String> to, String subject, String text,
                       String html, Map<String, List<String>> headers) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    /** Every message received for {@code address}, in the order received. */
    public List<Mail> to(String address) {
        JsonNode found = get("/api/v1/search?limit=1000&query="
                + URLEncoder.encode("to:\"" + address + "\"", StandardCharsets.UTF_8));
        List<Mail> mails = new ArrayList<>();
        for (JsonNode summary : found.get("messages")) {
            List<String> to = new ArrayList<>();
            summary.get("To").forEach(recipient -> to.add(recipient.get("Address").asString()));
            if (!to.contains(address)) {
                continue;
            }
            String id = summary.get("ID").asString();
            JsonNode message = get("/api/v1/message/" + id);
            JsonNode headers = get("/api/v1/message/" + id + "/headers");
            Map<String, List<String>> headerMap = new java.util.LinkedHashMap<>();
            headers.properties().forEach(entry -> {
                List<String> values = new ArrayList<>();
                entry.getValue().forEach(value -> values.add(value.asString()));
                headerMap.put(entry.getKey(), values);
            });
            mails.add(new Mail(id, summary.get("Created").asString(), summary.get("MessageID").asString(), to, summary.get("Subject").asString(),
                    message.get("Text").asString(), message.get("HTML").asString(), headerMap));
        }
        mails.sort(Comparator.comparing((Mail mail) -> java.time.OffsetDateTime.parse(mail.created())));
        return mails;
    }

    /** How many messages were received for {@code address}. */
    public int count(String address) {
        return get("/api/v1/search?limit=1000&query="
                + URLEncoder.encode("to:\"" + address + "\"", StandardCharsets.UTF_8)).get("messages").size();
    }

    private JsonNode get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Mailpit answered " + response.statusCode() + " to " + path);
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void install() {
        try {
            Process install = new ProcessBuilder("bash", Path.of("scripts", "install-mailpit").toAbsolutePath().toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
            if (!install.waitFor(15, TimeUnit.MINUTES) || install.exitValue() != 0) {
                install.destroyForcibly();
                throw new IllegalStateException("scripts/install-mailpit failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Mailpit start() {
        IllegalStateException failure = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Path data = Files.createTempDirectory("peilbot-mailpit-");
                int smtp = freePort();
                int http = freePort();
                Process process = new ProcessBuilder(List.of(BINARY.toAbsolutePath().toString(),
                        "--smtp", "127.0.0.1:" + smtp, "--listen", "127.0.0.1:" + http,
                        "--database", data.resolve("mailpit.db").toString(), "--disable-version-check",
                        "--smtp-auth-accept-any", "--smtp-auth-allow-insecure", "--smtp-disable-rdns",
                        "--smtp-allowed-recipients", "(^|[@.])" + ACCEPTED_DOMAIN.replace(".", "\\.") + "$",
                        "--max", "0", "--quiet"))
                        .redirectErrorStream(true).redirectOutput(data.resolve("mailpit.log").toFile()).start();
                Mailpit mailpit = new Mailpit(process, smtp, http, data);
                if (mailpit.awaitReady()) {
                    return mailpit;
                }
                mailpit.stop();
                failure = new IllegalStateException("Mailpit did not start: " + Files.readString(data.resolve("mailpit.log")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw failure;
    }

    private boolean awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (listening(smtpPort) && listening(httpPort)) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> paths = Files.walk(data)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // best effort at JVM exit: the folder is in the temp directory anyway
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
