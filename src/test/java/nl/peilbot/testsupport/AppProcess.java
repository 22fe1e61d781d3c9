package nl.peilbot.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The application as a separate JVM, for fault tests that must kill it the way an operating system does
 * ({@code kill -9}) and start it again on the same port and database.
 *
 * <p>It runs with the test JVM's class path, so it is the code under test; its output goes to a log file under
 * {@code target/app-processes/} that a failing test can point to.
 */
public final class AppProcess implements AutoCloseable {

    /**
     * Start-up is followed in the child's log, not bounded by a fixed time: on a loaded machine a start may take
     * minutes while it makes progress. Only a child that writes nothing for this long is taken to hang.
     */
    private static final Duration SILENT_START_LIMIT = Duration.ofMinutes(5);
    private static final String STARTED = "Started PeilbotApplication";

    private final String name;
    private final int port;
    private final Map<String, String> properties;
    private final Path log;
    private String maxHeap = "512m";
    private Process process;
    private int starts;
    private long startOffset;

    private AppProcess(String name, int port, Map<String, String> properties) {
        this.name = name;
        this.port = port;
        this.properties = properties;
        this.log = Paths.get("target", "app-processes", name + ".log").toAbsolutePath();
    }

    /**
     * An application on a free loopback port with these Spring properties (e.g. {@code spring.mongodb.uri}); not
     * started yet.
     */
    public static AppProcess on(String name, Map<String, String> properties) {
        return new AppProcess(name, freePort(), new LinkedHashMap<>(properties));
    }

    /** The child's heap limit ({@code -Xmx}), e.g. {@code 96m}: what a memory test holds the code under test to. */
    public AppProcess maxHeap(String size) {
        this.maxHeap = size;
        return this;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    /**
     * Starts the JVM and waits until its log says it started (Spring Boot's "Started ..." line, written once the web
     * server listens), it exits, or its log stays silent for {@link #SILENT_START_LIMIT}.
     */
    public AppProcess start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is running");
        }
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + maxHeap);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("nl.peilbot.PeilbotApplication");
        command.add("--server.port=" + port);
        command.add("--server.address=127.0.0.1");
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "=== start " + (++starts) + " ===\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            startOffset = Files.size(log);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().remove("TELEGRAM_BOT_TOKEN");
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitListening();
        return this;
    }

    /** SIGKILL: no shutdown hook, no graceful shutdown, nothing flushed. */
    public void kill9() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** SIGTERM, and waits for the JVM to end. */
    public int terminate() throws InterruptedException {
        if (process == null) {
            return -1;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        return process.exitValue();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    private void awaitListening() {
        long logged = -1;
        long lastProgress = System.nanoTime();
        while (System.nanoTime() - lastProgress < SILENT_START_LIMIT.toNanos()) {
            String output = outputSinceStart();
            if (output.contains(STARTED) && accepts()) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up with " + process.exitValue()
                        + "; log: " + log);
            }
            if (output.length() != logged) {
                logged = output.length();
                lastProgress = System.nanoTime();
            }
            sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " wrote nothing for " + SILENT_START_LIMIT + " before it started; log: "
                + log);
    }

    private String outputSinceStart() {
        try (java.nio.channels.SeekableByteChannel channel = Files.newByteChannel(log)) {
            channel.position(startOffset);
            return new String(java.nio.channels.Channels.newInputStream(channel).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill9();
    }
}
