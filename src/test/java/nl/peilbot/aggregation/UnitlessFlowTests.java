package nl.peilbot.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Flows;
import nl.peilbot.response.ResponseViews;

/**
 * A survey whose flow declares no unit of analysis: every respondent is a unit, and the tally must still not keep a
 * counter per response (it is one document's worth of counters however many respond).
 */
class UnitlessFlowTests {

    private static final Path FILE = Path.of("conversation-flows", "ai-in-hospitals-2020.yaml");
    private static final Flow FLOW = Flows.parse(FILE.toString(), Flows.read(FILE)
            .replaceAll("(?m)^  unit:\\n(    .*\\n)+", ""));
    private static final WaveId WAVE = new WaveId(FLOW.id(), FLOW.wave());
    private static final List<String> SCALE = List.of("experimenting", "smallScale", "largeScale");
    private static final List<String> SPECIALISMS = List.of("Radiologie", "IC", "Intensive care", "Cardiologie");

    @Test
    void shouldDeclareNoUnitInThisVariantOfTheFlow() {
        assertThat(FLOW.analysis().unitOfAnalysis()).isEmpty();
    }

    @Test
    void shouldKeepNoCounterPerResponseWithoutAUnit() {
        List<Contribution> contributions = contributions(2_000, new Random(7));
        Tally tally = Tally.of(contributions);

        assertThat(tally.counters().keySet()).noneMatch(key -> key.contains("r_"));
        assertThat(Tally.of(contributions.subList(0, 1_000)).counters().keySet())
                .as("the same counters whether 1,000 or 2,000 responded")
                .isEqualTo(tally.counters().keySet());
    }

    @Test
    void shouldCountEachRespondentAsAUnitInUnitTablesCombinationsAndCountedLists() {
        Random random = new Random(11);
        List<Contribution> contributions = contributions(300, random);
        Tables tables = new Tables(WAVE, FLOW, Tally.of(contributions), () -> TextLists.EMPTY);

        Map<Set<String>, Integer> sets = new HashMap<>();
        Map<String, Integer> respondentsListing = new HashMap<>();
        for (Contribution c : contributions) {
            sets.merge(new TreeSet<>(c.choices().get("scale")), 1, Integer::sum);
            c.counted().getOrDefault("experiments", List.of()).stream().map(Contribution.Entry::key).distinct()
                    .forEach(key -> respondentsListing.merge(key, 1, Integer::sum));
        }

        assertThat(tables.overview().units()).isEqualTo(300);
        assertThat(tables.distribution("scale", Unit.UNITS).counts())
                .isEqualTo(tables.distribution("scale", Unit.RESPONDENTS).counts());
        UnitCombinations combinations = tables.combinations("scale");
        assertThat(combinations.units()).isEqualTo(300);
        assertThat(combinations.active()).isEqualTo(300 - sets.getOrDefault(Set.of("notApplied"), 0));
        sets.forEach((set, count) -> assertThat(combinations.unitsWith(set.toArray(String[]::new)))
                .as("respondents who chose exactly %s", set).isEqualTo(count));
        CountedFieldTable experiments = tables.counted("experiments");
        assertThat(experiments.rows()).allSatisfy(row ->
                assertThat(row.units()).as(row.key()).isEqualTo(respondentsListing.get(row.key())));
    }

    private static List<Contribution> contributions(int n, Random random) {
        ContributionReader reader = ContributionReader.of(Optional.of(FLOW));
        List<Contribution> contributions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Document> scale = new ArrayList<>();
            if (random.nextInt(4) == 0) {
                scale.add(new Document("code", "notApplied"));
            } else {
                SCALE.stream().filter(code -> random.nextBoolean()).forEach(code -> scale.add(new Document("code", code)));
                if (scale.isEmpty()) {
                    scale.add(new Document("code", "experimenting"));
                }
            }
            List<Document> entries = new ArrayList<>();
            for (int e = random.nextInt(3); e > 0; e--) {
                entries.add(new Document("specialism", SPECIALISMS.get(random.nextInt(SPECIALISMS.size())))
                        .append("description", "Proef " + i + "." + e));
            }
            Document answers = new Document("scale", new Document("choices", scale));
            if (!entries.isEmpty()) {
                answers.append("experiments", new Document("entries", entries));
            }
            Document response = new Document("_id", "r_" + i).append("status", "completed").append("version", 1L)
                    .append("profile", new Document("hospital", "Ziekenhuis " + i)).append("answers", answers);
            contributions.add(reader.read(ResponseViews.of(response), Map.of()));
        }
        return contributions;
    }
}
