package nl.peilbot.console;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.peilbot.outbox.Outbox;
import nl.peilbot.outbox.OutboxStats;

/** The outbox line of the console: what is still to be sent and what was given up, per kind. */
@RestController
class OutboxController {

    private final Outbox outbox;

    OutboxController(Outbox outbox) {
        this.outbox = outbox;
    }

    record KindJson(String kind, long pending, long givenUp) {
    }

    record OutboxJson(List<KindJson> kinds, long oldestPendingSeconds) {
    }

    @GetMapping("/console/api/outbox")
    OutboxJson outbox() {
        OutboxStats stats = outbox.stats();
        Set<String> kinds = new TreeSet<>(stats.pending().keySet());
        kinds.addAll(stats.givenUp().keySet());
        return new OutboxJson(kinds.stream().map(kind -> new KindJson(kind, stats.pending().getOrDefault(kind, 0L),
                stats.givenUp().getOrDefault(kind, 0L))).toList(), stats.oldestPendingSeconds());
    }
}
