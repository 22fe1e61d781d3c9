package nl.peilbot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class DashboardKeyTests {

    @Test
    void everyKeyIsReadBackFromItsStoredName() {
        List<DashboardKey> keys = List.of(new DashboardKey.Invited("Ziekenhuis A|B"), new DashboardKey.Started("X"),
                new DashboardKey.Completed(DashboardCalculator.UNKNOWN_UNIT), new DashboardKey.CompletionSeconds(130),
                new DashboardKey.Reached("q1"), new DashboardKey.LeftAt("q2"), new DashboardKey.LeftBeforeTheFirstQuestion(),
                new DashboardKey.SecondsTaken("q3", 42));

        assertThat(keys).allSatisfy(key -> assertThat(DashboardKey.parse(key.path())).isEqualTo(key));
    }

    @Test
    void theStoredNamesStayAsTheyWere() {
        assertThat(List.of(new DashboardKey.Invited("A"), new DashboardKey.LeftBeforeTheFirstQuestion(),
                new DashboardKey.SecondsTaken("q3", 42)).stream().map(DashboardKey::path))
                .containsExactly("i|A", "l|", "t|q3|42");
    }

    @Test
    void aNameThisVersionDoesNotKnowIsCarriedThroughUnchanged() {
        assertThat(List.of("z|1", "nobar", "d|soon", "t|q").stream().map(DashboardKey::parse))
                .allSatisfy(key -> assertThat(key).isInstanceOf(DashboardKey.Unknown.class))
                .extracting(DashboardKey::path).containsExactly("z|1", "nobar", "d|soon", "t|q");
    }
}
