package nl.peilbot.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoDatabase;

import nl.peilbot.testsupport.FerretDb;

/** The pseudonym key: configured, or generated once per database and the same for every instance. */
class PseudonymKeyTests {

    @Test
    void shouldGenerateOneKeyThatInstancesStartingTogetherAllUse() throws Exception {
        MongoDatabase database = FerretDb.database("pseudonym_key");
        ExecutorService instances = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> starts = IntStream.range(0, 8)
                    .<Callable<String>>mapToObj(i -> () -> PseudonymKey.resolve("", database, Clock.systemUTC())).toList();
            List<String> keys = instances.invokeAll(starts).stream().map(PseudonymKeyTests::get).toList();

            assertThat(keys).hasSize(8).containsOnly(keys.get(0));
            assertThat(keys.get(0)).hasSize(44);
            assertThat(PseudonymKey.resolve(null, database, Clock.systemUTC())).as("kept across restarts").isEqualTo(keys.get(0));
        } finally {
            instances.shutdownNow();
        }
    }

    @Test
    void shouldGiveEveryDatabaseItsOwnKeySoNoConstantDecidesThePseudonyms() {
        String one = PseudonymKey.resolve("", FerretDb.database("pseudonym_a"), Clock.systemUTC());
        String other = PseudonymKey.resolve("", FerretDb.database("pseudonym_b"), Clock.systemUTC());

        assertThat(one).isNotEqualTo(other);
        assertThat(new Pseudonyms(one, null).of("r_0123")).isNotEqualTo(new Pseudonyms(other, null).of("r_0123"));
    }

    @Test
    void shouldUseTheConfiguredSecretAndStoreNothing() {
        MongoDatabase database = FerretDb.database("pseudonym_configured");

        assertThat(PseudonymKey.resolve("from-the-environment", database, Clock.systemUTC())).isEqualTo("from-the-environment");
        assertThat(database.getCollection("settings").countDocuments()).isZero();
    }

    private static String get(Future<String> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
