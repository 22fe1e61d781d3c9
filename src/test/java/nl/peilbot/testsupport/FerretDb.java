package nl.peilbot.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * A real FerretDB (SQLite backend) for tests: started once per JVM on a free loopback port with a throw-away
 * data folder, stopped and deleted at JVM exit.
 *
 * <p>The binary is {@code -Dpeilbot.ferretdb.binary}, or by default {@code .local/bin/ferretdb}, which
 * {@code scripts/install-ferretdb} first checks and (re)builds with the project's patch when needed. Spring Boot tests use it through
 * {@code @DynamicPropertySource}: {@code registry.add("spring.mongodb.uri", () -> FerretDb.uri(name))}.
 */
public final class FerretDb {

    private static final String BINARY_PROPERTY = "peilbot.ferretdb.binary";
    private static final String DEFAULT_BINARY = ".local/bin/ferretdb";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(15);
    private static final AtomicInteger databases = new AtomicInteger();

    private static Server server;
    private static MongoClient client;

    private FerretDb() {
    }

    /** Connection string for {@code database} on the shared instance, starting it on first use. */
    public static String uri(String database) {
        return "mongodb://127.0.0.1:" + port() + "/" + database + "?serverSelectionTimeoutMS=10000";
    }

    /** A database name no other test in this JVM uses: {@code prefix} plus a counter. */
    public static String uniqueDatabase(String prefix) {
        return prefix.toLowerCase().replaceAll("[^a-z0-9_]", "_") + "_" + databases.incrementAndGet();
    }

    /**
     * A fresh database ({@link #uniqueDatabase(String)}) through one driver client shared by the JVM's plain tests
     * and closed with it, for tests that talk to the driver without a Spring context.
     */
    public static MongoDatabase database(String prefix) {
        return client().getDatabase(uniqueDatabase(prefix));
    }

    private static synchronized MongoClient client() {
        if (client == null) {
            client = MongoClients.create(uri("admin"));
            Runtime.getRuntime().addShutdownHook(new Thread(client::close, "ferretdb-client-close"));
        }
        return client;
    }

    public static synchronized int port() {
        if (server == null) {
            server = Server.start(binary());
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "ferretdb-stop"));
        }
        return server.port();
    }

    private static Path binary() {
        Path binary = Path.of(System.getProperty(BINARY_PROPERTY, DEFAULT_BINARY)).toAbsolutePath();
        // The default binary must be the patched build (scripts/ferretdb-1.24.2.patch); the script returns at
        // once when it is, and rebuilds a missing, unpatched or differently patched one.
        if (binary.equals(Path.of(DEFAULT_BINARY).toAbsolutePath()) || !Files.isExecutable(binary)) {
            install();
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException("scripts/install-ferretdb ran, but " + binary + " is still missing");
            }
        }
        return binary;
    }

    private static void install() {
        Path script = Path.of("scripts", "install-ferretdb").toAbsolutePath();
        try {
            Process install = new ProcessBuilder("bash", script.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .start();
            if (!install.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                install.destroyForcibly();
                throw new IllegalStateException(script + " did not finish within " + INSTALL_TIMEOUT);
            }
            if (install.exitValue() != 0) {
                throw new IllegalStateException(script + " failed with exit code " + install.exitValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing FerretDB", e);
        }
    }

    private record Server(Process process, int port, Path dataDirectory) {

        static Server start(Path binary) {
            IllegalStateException failure = null;
            // A free port found now may be taken before FerretDB binds it; a few tries make that harmless.
            for (int attempt = 0; attempt < 3; attempt++) {
                Path data = createDataDirectory();
                int port = freePort();
                Server server = launch(binary, port, data);
                try {
                    server.awaitReady();
                    return server;
                } catch (IllegalStateException e) {
                    server.stop();
                    failure = e;
                }
            }
            throw failure;
        }

        private static Server launch(Path binary, int port, Path data) {
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    binary.toString(),
                    "--handler=sqlite",
                    "--sqlite-url=file:" + data + "/",
                    "--state-dir=" + data,
                    "--telemetry=disable",
                    "--listen-addr=127.0.0.1:" + port,
                    "--debug-addr=-",
                    "--log-level=WARN"))
                    .redirectErrorStream(true)
                    .redirectOutput(data.resolve("ferretdb.log").toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("FERRETDB_"));
            try {
                return new Server(builder.start(), port, data);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + binary, e);
            }
        }

        private void awaitReady() {
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("FerretDB exited with code " + process.exitValue() + ":\n" + log());
                }
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                    return;
                } catch (IOException notYet) {
                    sleep(50);
                }
            }
            throw new IllegalStateException("FerretDB did not listen on port " + port + " within " + START_TIMEOUT
                    + ":\n" + log());
        }

        void stop() {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            deleteRecursively(dataDirectory);
        }

        private String log() {
            try {
                List<String> lines = Files.readAllLines(dataDirectory.resolve("ferretdb.log"), StandardCharsets.UTF_8);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }

        private static Path createDataDirectory() {
            try {
                return Files.createTempDirectory("peilbot-ferretdb-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a data folder for FerretDB", e);
            }
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("no free loopback port", e);
            }
        }

        private static void deleteRecursively(Path directory) {
            if (!Files.exists(directory)) {
                return;
            }
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // best effort at JVM exit: the folder is in the temp directory anyway
            }
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for FerretDB", e);
            }
        }
    }
}
