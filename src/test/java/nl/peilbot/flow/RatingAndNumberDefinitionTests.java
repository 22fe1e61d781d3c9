package nl.peilbot.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a rating or number question must declare, and what it may not, reported with the question's id. */
class RatingAndNumberDefinitionTests {

    private static final String HEAD = """
            id: kinds
            wave: "2021"
            languages: [nl, en]
            title: {nl: T, en: T}
            intro: {nl: I, en: I}
            consent: {nl: "C?", en: "C?"}
            closing: {nl: D, en: D}
            questions:
            """;

    private static Flow parse(String question) {
        return Flows.parse("kinds.yaml", HEAD + question.indent(2));
    }

    private static List<String> problems(String question) {
        FlowException e = catchThrowableOfType(FlowException.class, () -> parse(question));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.questionId()).isEqualTo("q"));
        return e.problems().stream().map(FlowProblem::problem).toList();
    }

    @Test
    void shouldReadARatingWithItsScaleAndLabelledEnds() {
        Flow flow = parse("""
                - id: q
                  kind: rating
                  min: 0
                  max: 10
                  min-label: {nl: Nooit, en: Never}
                  max-label: {nl: Zeker, en: Certainly}
                  text: {nl: "Aanbevelen?", en: "Recommend?"}
                """);

        QuestionKind.Rating rating = (QuestionKind.Rating) flow.step("q").orElseThrow().kind();
        assertThat(rating.points()).isEqualTo(11);
        assertThat(rating.netPromoter()).isTrue();
        assertThat(rating.maxLabel().in("en")).isEqualTo("Certainly");
        assertThat(rating.yamlName()).isEqualTo("rating");
    }

    @Test
    void shouldReadANumberWithBoundsDecimalsAndUnit() {
        Flow flow = parse("""
                - id: q
                  kind: number
                  decimals: 1
                  min: 0
                  max: 37.5
                  unit: {nl: uur, en: hours}
                  text: {nl: "Hoeveel uur?", en: "How many hours?"}
                """);

        QuestionKind.Numeric number = (QuestionKind.Numeric) flow.step("q").orElseThrow().kind();
        assertThat(number.max()).isEqualByComparingTo(new BigDecimal("37.5"));
        assertThat(number.decimals()).isEqualTo(1);
        assertThat(number.unit().in("nl")).isEqualTo("uur");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1|0", "3|3", "-1|5", "0|11"})
    void shouldRefuseARatingScaleThatIsNoShortRangeFromZeroUp(int min, int max) {
        assertThat(problems("""
                - id: q
                  kind: rating
                  min: %d
                  max: %d
                  min-label: {nl: Laag, en: Low}
                  max-label: {nl: Hoog, en: High}
                  text: {nl: "Hoe?", en: "How?"}
                """.formatted(min, max))).singleElement().asString().startsWith("rating needs 0 <= min < max <= 10");
    }

    @Test
    void shouldRefuseARatingWithoutItsEndsInEveryLanguage() {
        assertThat(problems("""
                - id: q
                  kind: rating
                  min: 1
                  max: 5
                  min-label: {nl: Laag}
                  text: {nl: "Hoe?", en: "How?"}
                """)).containsExactlyInAnyOrder("missing 'max-label'", "missing 'en' translation of 'min-label'");
    }

    @Test
    void shouldRefuseANumberWhoseBoundsContradictItsDecimals() {
        assertThat(problems("""
                - id: q
                  kind: number
                  min: 10
                  max: 2.5
                  text: {nl: "Hoeveel?", en: "How many?"}
                """)).containsExactlyInAnyOrder("'min' 10 is above 'max' 2.5",
                "bound 2.5 has more decimals than 'decimals' (0) allows");
    }

    @Test
    void shouldRefuseTheKeysOfOneKindOnAnother() {
        assertThat(problems("""
                - id: q
                  kind: open-text
                  min: 1
                  unit: {nl: uur, en: hours}
                  min-label: {nl: Laag, en: Low}
                  text: {nl: "Wat?", en: "What?"}
                """)).containsExactlyInAnyOrder("has 'min', which is only for rating and number, not open-text",
                "has 'unit', which is only for number, not open-text", "has 'min-label', which is only for rating, not open-text");
    }

    @Test
    void shouldRefuseANumberAsAProfileField() {
        FlowException e = catchThrowableOfType(FlowException.class, () -> Flows.parse("kinds.yaml", HEAD.replace("questions:\n", """
                profile:
                  - id: q
                    kind: number
                    text: {nl: "Hoeveel?", en: "How many?"}
                questions:
                  - id: other
                    kind: open-text
                    text: {nl: "Wat?", en: "What?"}
                """)));
        assertThat(e.problems()).extracting(FlowProblem::problem)
                .containsExactly("a profile field must be open-text or single-choice, not number");
    }

    @Test
    void shouldCallAnotherRatingScaleIncompatibleButAllowNewLabels() {
        String before = """
                - id: q
                  kind: rating
                  min: 1
                  max: 5
                  min-label: {nl: Laag, en: Low}
                  max-label: {nl: Hoog, en: High}
                  text: {nl: "Hoe?", en: "How?"}
                """;
        Flow previous = parse(before);

        assertThat(Flows.incompatibilities(previous, parse(before.replace("Hoog", "Zeer hoog")))).isEmpty();
        assertThat(Flows.incompatibilities(previous, parse(before.replace("max: 5", "max: 10"))))
                .extracting(FlowProblem::problem).singleElement().asString().startsWith("rating scale changed from 1-5 to 1-10");
    }
}
