package nl.peilbot.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Flows;
import nl.peilbot.response.ResponseViews;

/**
 * The tables of ratings and numbers, computed from stored response documents the way the folds do (contribution,
 * tally, tables), with results worked out by hand.
 */
class RatingAndNumberTablesTests {

    private static final Flow FLOW = Flows.load(Path.of("conversation-flows", "digital-maturity-gp-practices-2021.yaml"));
    private static final WaveId WAVE = new WaveId(FLOW.id(), FLOW.wave());

    private static Contribution response(int n, Map<String, Object> values) {
        Document answers = new Document();
        values.forEach((question, value) -> answers.append(question, new Document("value", value)));
        Document response = new Document("_id", "r_" + n).append("status", "completed").append("version", 1L)
                .append("profile", new Document("practice", "Praktijk " + n)).append("answers", answers);
        return ContributionReader.of(Optional.empty()).read(ResponseViews.of(response), Map.of());
    }

    private static final List<Contribution> RESPONSES = List.of(
            response(1, Map.of("listSize", 100L, "gpFte", 1.5, "digitalMaturity", 5L, "recommendSystem", 10L)),
            response(2, Map.of("listSize", 200L, "gpFte", 2L, "digitalMaturity", 4L, "recommendSystem", 9L)),
            response(3, Map.of("listSize", 300L, "gpFte", 2.5, "digitalMaturity", 4L, "recommendSystem", 8L)),
            response(4, Map.of("listSize", 400L, "digitalMaturity", 1L, "recommendSystem", 7L)),
            response(5, Map.of("recommendSystem", 6L)),
            response(6, Map.of("recommendSystem", 0L)));

    private static Tables tables(List<Contribution> contributions) {
        return new Tables(WAVE, FLOW, Tally.of(contributions), () -> TextLists.EMPTY);
    }

    @Test
    void shouldGiveANumbersMeanMedianAndQuartilesInterpolatedBetweenAnswers() {
        NumberTable listSize = tables(RESPONSES).number("listSize");

        assertThat(listSize.answered()).isEqualTo(4);
        assertThat(listSize.mean()).isEqualByComparingTo("250");
        assertThat(listSize.min()).isEqualByComparingTo("100");
        assertThat(listSize.lowerQuartile()).isEqualByComparingTo("175");
        assertThat(listSize.median()).isEqualByComparingTo("250");
        assertThat(listSize.upperQuartile()).isEqualByComparingTo("325");
        assertThat(listSize.max()).isEqualByComparingTo("400");
        assertThat(listSize.unit()).isEqualTo("patiënten");
        assertThat(listSize.mean().toString()).as("never in exponent notation").isEqualTo("250");
    }

    @Test
    void shouldReadDecimalsAndWholeNumbersOfOneQuestionAlike() {
        NumberTable fte = tables(RESPONSES).number("gpFte");

        assertThat(fte.answered()).isEqualTo(3);
        assertThat(fte.mean()).isEqualByComparingTo("2");
        assertThat(fte.median()).isEqualByComparingTo("2");
        assertThat(fte.lowerQuartile()).isEqualByComparingTo("1.75");
        assertThat(fte.max()).isEqualByComparingTo("2.5");
    }

    @Test
    void shouldCountEveryPointOfARatingAndItsTopScores() {
        RatingTable maturity = tables(RESPONSES).rating("digitalMaturity");

        assertThat(maturity.answered()).isEqualTo(4);
        assertThat(maturity.points()).extracting(RatingTable.Point::value).containsExactly(1, 2, 3, 4, 5);
        assertThat(maturity.points()).extracting(RatingTable.Point::count).containsExactly(1, 0, 0, 2, 1);
        assertThat(maturity.points()).extracting(RatingTable.Point::percent).containsExactly(25, 0, 0, 50, 25);
        assertThat(maturity.mean()).isEqualByComparingTo("3.5");
        assertThat(maturity.topScores()).isEqualTo(3);
        assertThat(maturity.topPercent()).isEqualTo(75);
        assertThat(maturity.promoters()).as("only a 0-10 scale has a Net Promoter split").isNull();
        assertThat(maturity.minLabel()).isEqualTo("Nog op papier");
    }

    @Test
    void shouldSplitAZeroToTenRatingIntoPromotersPassivesAndDetractors() {
        RatingTable recommend = tables(RESPONSES).rating("recommendSystem");

        assertThat(recommend.answered()).isEqualTo(6);
        assertThat(recommend.points()).hasSize(11);
        assertThat(recommend.mean()).isEqualByComparingTo("6.67");
        RatingTable.NetPromoter nps = recommend.promoters();
        assertThat(List.of(nps.promoters(), nps.passives(), nps.detractors())).containsExactly(2, 2, 2);
        assertThat(List.of(nps.promotersPercent(), nps.passivesPercent(), nps.detractorsPercent())).containsExactly(33, 33, 33);
        assertThat(nps.score()).isZero();
        assertThat(recommend.topScores()).isEqualTo(2);
    }

    @Test
    void shouldGiveTheSameTablesWhenAnAnswerIsTakenOutAsWhenItWasNeverCounted() {
        Tally all = Tally.of(RESPONSES);
        List<Contribution> without = new ArrayList<>(RESPONSES);
        Contribution withdrawn = without.remove(0);

        Tally takenOut = all.replacing(withdrawn, null);

        assertThat(takenOut).isEqualTo(Tally.of(without));
        Tables tables = new Tables(WAVE, FLOW, takenOut, () -> TextLists.EMPTY);
        assertThat(tables.number("listSize").median()).isEqualByComparingTo("300");
        assertThat(tables.rating("recommendSystem").promoters().promoters()).isEqualTo(1);
    }

    @Test
    void shouldSayNothingWasAnsweredWithoutAnswers() {
        NumberTable empty = tables(List.of()).number("listSize");

        assertThat(empty.answered()).isZero();
        assertThat(empty.mean()).isNull();
        assertThat(empty.median()).isNull();
        assertThat(tables(List.of()).rating("recommendSystem").promoters().score()).isZero();
    }

    @Test
    void shouldCompareARatingByPointAndRefuseANumber() {
        Distribution byPoint = tables(RESPONSES).comparable("digitalMaturity", Unit.RESPONDENTS);
        assertThat(byPoint.counts()).extracting(Distribution.Count::code).containsExactly("1", "2", "3", "4", "5");
        assertThat(byPoint.base()).isEqualTo(4);

        assertThatThrownBy(() -> tables(RESPONSES).comparable("listSize", Unit.RESPONDENTS))
                .isInstanceOf(UnknownResultException.class);
    }
}
