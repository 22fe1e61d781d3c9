package nl.peilbot.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import nl.peilbot.aggregation.UnknownResultException;
import nl.peilbot.aggregation.WaveId;
import nl.peilbot.response.ResponseReader;
import nl.peilbot.testsupport.FerretDb;

/**
 * Pseudonyms read back without a scan: a pseudonym names its response by decryption, a forged or altered one names
 * nothing (and no response is read for it). That a real response's pseudonym leads to it is in ResultsApiTests (the
 * coding routes).
 */
class PseudonymsTests {

    private static final WaveId WAVE = new WaveId("s", "2020");
    private final Pseudonyms pseudonyms = new Pseudonyms("a key", new ResponseReader(FerretDb.database("pseudonyms")));

    @Test
    void shouldGiveEveryResponseIdItsOwnStablePseudonymThatDependsOnTheKey() {
        Set<String> seen = new HashSet<>();
        IntStream.range(0, 2_000).mapToObj(i -> String.format("r_%024x", i * 7919L))
                .forEach(id -> assertThat(seen.add(pseudonyms.of(id))).as(id).isTrue());

        assertThat(pseudonyms.of("r_0123456789abcdef01234567")).matches("R-[0-9a-f]{32}")
                .isEqualTo(pseudonyms.of("r_0123456789abcdef01234567"))
                .doesNotContain("0123456789abcdef01234567")
                .isNotEqualTo(new Pseudonyms("another key", null).of("r_0123456789abcdef01234567"));
    }

    @Test
    void shouldNameNoResponseWithAnAlteredForeignOrMalformedPseudonym() {
        String real = pseudonyms.of("r_0123456789abcdef01234567");
        String altered = real.substring(0, 10) + (real.charAt(10) == '0' ? '1' : '0') + real.substring(11);

        for (String pseudonym : new String[] {altered, new Pseudonyms("another key", null).of("r_0123456789abcdef01234567"),
                "R-0123", "r_0123456789abcdef01234567", "", "R-" + "zz".repeat(16)}) {
            assertThatThrownBy(() -> pseudonyms.responseId(WAVE, pseudonym)).as(pseudonym)
                    .isInstanceOf(UnknownResultException.class);
        }
    }

    @Test
    void shouldGiveAnIdOfAnotherShapeAOneWayPseudonym() {
        assertThat(pseudonyms.of("r_0123")).matches("R-[0-9a-f]{12}");
        assertThatThrownBy(() -> pseudonyms.responseId(WAVE, pseudonyms.of("r_0123")))
                .isInstanceOf(UnknownResultException.class);
    }
}
