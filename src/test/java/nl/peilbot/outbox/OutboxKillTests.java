package nl.peilbot.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import nl.peilbot.testsupport.FerretDb;

/**
 * kill -9 of an instance in the middle of delivering: after a restart every message arrives, and only messages
 * that were in flight at the kill (at most one per parallel try) may arrive twice.
 */
class OutboxKillTests {

    private static final int MESSAGES = 300;

    private final Map<String, Long> firstArrival = new ConcurrentHashMap<>();
    private final Map<String, Integer> arrivals = new ConcurrentHashMap<>();
    private final ExecutorService receiverThreads = Executors.newFixedThreadPool(8);
    private HttpServer receiver;
    private Process child;

    @AfterEach
    void stop() {
        if (child != null) {
            child.destroyForcibly();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
        receiverThreads.shutdownNow();
    }

    @Test
    void shouldDeliverEverythingAfterAKillAndRepeatOnlyWhatWasInFlight() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/receive", exchange -> {
            String id = exchange.getRequestHeaders().getFirst("X-Id");
            firstArrival.putIfAbsent(id, System.nanoTime());
            arrivals.merge(id, 1, Integer::sum);
            sleep(5);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.setExecutor(receiverThreads);
        receiver.start();
        String database = FerretDb.uniqueDatabase("outbox_kill");
        List<String> arguments = List.of(FerretDb.uri(database), database,
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/receive", String.valueOf(MESSAGES));
        Path log = Files.createTempFile("outbox-child-", ".log");

        child = start(arguments, log);
        await().atMost(Duration.ofMinutes(2)).until(() -> arrivals.size() >= MESSAGES / 3 || !child.isAlive());
        assertThat(child.isAlive()).as("the child was still delivering at the kill").isTrue();
        child.destroyForcibly();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        long killedAt = System.nanoTime();
        int arrivedBeforeKill = arrivals.size();

        child = start(arguments, log);
        assertThat(child.waitFor(3, TimeUnit.MINUTES)).as("the restarted child emptied the backlog").isTrue();
        assertThat(child.exitValue()).as(Files.readString(log)).isZero();

        Map<String, Integer> doubled = arrivals.entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        long lost = MESSAGES - arrivals.size();
        System.out.printf("outbox kill -9: %d messages, %d arrived before the kill, after the restart sent %d, "
                        + "lost %d, doubled %d (in flight at the kill; at most %d parallel tries)%n", MESSAGES,
                arrivedBeforeKill, arrivals.size(), lost, doubled.size(), OutboxChild.PARALLELISM);
        assertThat(lost).isZero();
        assertThat(doubled.size()).isLessThanOrEqualTo(OutboxChild.PARALLELISM);
        assertThat(doubled).allSatisfy((id, count) -> {
            assertThat(count).as(id).isEqualTo(2);
            assertThat(firstArrival.get(id)).as(id + " first arrived before the kill").isLessThan(killedAt);
        });
    }

    private static Process start(List<String> arguments, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                OutboxChild.class.getName()));
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
