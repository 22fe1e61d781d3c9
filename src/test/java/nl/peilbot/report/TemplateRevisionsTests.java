package nl.peilbot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.peilbot.aggregation.WaveId;
import nl.peilbot.testsupport.FerretDb;
import nl.peilbot.testsupport.SeparateClients;

/** Saved report templates on the real FerretDB, from two "instances" (separate clients) saving at once. */
class TemplateRevisionsTests {

    private static final WaveId WAVE = new WaveId("some-survey", "2026");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);

    private final String database = FerretDb.uniqueDatabase("report_templates");
    private final SeparateClients clients = new SeparateClients(database);
    private TemplateRevisions first;
    private TemplateRevisions second;

    @BeforeEach
    void instances() {
        first = instance();
        second = instance();
    }

    @AfterEach
    void close() {
        clients.close();
    }

    private TemplateRevisions instance() {
        return new TemplateRevisions(clients.next(), CLOCK);
    }

    @Test
    void shouldUseTheFileUntilSomethingIsSaved() {
        TemplateRevisions.Revision current = first.current(WAVE);
        assertThat(current.number()).isZero();
        assertThat(current.saved()).isFalse();
    }

    @Test
    void shouldShowWhatOneInstanceSavedOnTheOtherAndHandTheWaveBackToItsFile() {
        assertThat(second.current(WAVE).number()).isZero();
        assertThat(first.save(WAVE, 0, "# Eerste", "analyst")).isPresent();
        assertThat(second.current(WAVE)).satisfies(current -> {
            assertThat(current.template()).isEqualTo("# Eerste");
            assertThat(current.number()).isEqualTo(1);
            assertThat(current.savedBy()).isEqualTo("analyst");
            assertThat(current.savedAt()).isEqualTo(CLOCK.instant());
        });
        assertThat(second.save(WAVE, 1, "# Tweede", "analyst")).isPresent();
        assertThat(first.current(WAVE).template()).isEqualTo("# Tweede");
        assertThat(first.save(WAVE, 2, null, "analyst")).isPresent();
        assertThat(second.current(WAVE)).satisfies(current -> {
            assertThat(current.number()).isEqualTo(3);
            assertThat(current.saved()).isFalse();
        });
        assertThat(first.current(new WaveId("some-survey", "2027")).number()).as("another wave").isZero();
    }

    @Test
    void shouldLetExactlyOneOfManySavesOnTheSameRevisionWin() throws Exception {
        int savers = 12;
        ExecutorService pool = Executors.newFixedThreadPool(savers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<TemplateRevisions.Revision>>> saves = new ArrayList<>();
        try {
            for (int i = 0; i < savers; i++) {
                TemplateRevisions instance = i % 2 == 0 ? first : second;
                String text = "# Versie " + i;
                Callable<Optional<TemplateRevisions.Revision>> save = () -> {
                    start.await();
                    return instance.save(WAVE, 0, text, "analyst");
                };
                saves.add(pool.submit(save));
            }
            start.countDown();
            List<String> won = new ArrayList<>();
            for (Future<Optional<TemplateRevisions.Revision>> save : saves) {
                save.get().ifPresent(revision -> won.add(revision.template()));
            }
            assertThat(won).hasSize(1);
            assertThat(first.current(WAVE).template()).isEqualTo(won.get(0));
            assertThat(second.current(WAVE).template()).isEqualTo(won.get(0));
            assertThat(first.current(WAVE).number()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldRefuseASaveOnARevisionThatIsNoLongerTheNewest() {
        assertThat(first.save(WAVE, 0, "# Eerste", "analyst")).isPresent();
        assertThat(second.save(WAVE, 0, "# Verouderd", "analyst")).as("saved on the file, after revision 1").isEmpty();
        assertThat(second.current(WAVE).template()).isEqualTo("# Eerste");
    }
}
