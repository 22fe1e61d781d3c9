package nl.peilbot.outbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * The child JVM of {@link OutboxKillTests}: starts an outbox worker, enqueues messages {@code m-0 … m-(n-1)}
 * (again after a restart: enqueueing is idempotent) for a local HTTP receiver, and exits 0 once none is pending.
 *
 * <p>Arguments: database URI, database name, receiver URL, number of messages.
 */
final class OutboxChild {

    static final int PARALLELISM = 4;

    private OutboxChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        String uri = args[0];
        String database = args[1];
        URI receiver = URI.create(args[2]);
        int messages = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        OutboxHandler poster = new OutboxHandler() {
            @Override
            public String kind() {
                return "post";
            }

            @Override
            public Delivery deliver(OutboxMessage message) {
                try {
                    HttpRequest request = HttpRequest.newBuilder(receiver).timeout(Duration.ofSeconds(2))
                            .header("X-Id", message.id()).POST(HttpRequest.BodyPublishers.noBody()).build();
                    int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    return status == 200 ? Delivery.sent() : Delivery.retry("HTTP " + status);
                } catch (IOException e) {
                    return Delivery.retry(e.getClass().getSimpleName());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Delivery.retry("interrupted");
                }
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(3);
            }

            @Override
            public Duration initialBackoff() {
                return Duration.ofMillis(100);
            }
        };
        OutboxProperties settings = new OutboxProperties(Duration.ofMillis(250), PARALLELISM, Duration.ofSeconds(1),
                Duration.ofSeconds(5), Duration.ofDays(1), Duration.ofSeconds(1));
        try (MongoClient client = MongoClients.create(uri)) {
            TestOutbox outbox = new TestOutbox(client.getDatabase(database), Clock.systemUTC(), settings,
                    List.of(poster)).start();
            int queued = 0;
            for (int n = 0; n < messages; n++) {
                queued += outbox.outbox.enqueue(OutboxMessage.of("m-" + n, "post", "chat-" + (n % 20),
                        Map.of("n", n))) ? 1 : 0;
            }
            System.out.println("child: queued " + queued + " new messages");
            while (outbox.outbox.stats().pendingTotal() > 0) {
                Thread.sleep(100);
            }
            outbox.close();
        }
        System.out.println("child: backlog empty");
        System.exit(0);
    }
}
