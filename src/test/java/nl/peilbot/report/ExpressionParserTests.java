package nl.peilbot.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nl.peilbot.report.Expression.Selector;

class ExpressionParserTests {

    @Test
    void shouldReadAPercentOfAddedOptionsByUnitsInAnEarlierWave() {
        assertThat(ExpressionParser.parse(" percent scale=pilot+live by units in fake-survey/2020 "))
                .isEqualTo(new Expression.Figure(true, new Selector.Options("scale", List.of("pilot", "live")), true,
                        "fake-survey/2020"));
    }

    @Test
    void shouldReadCombinationsCategoriesCountedValuesAndTotals() {
        assertThat(ExpressionParser.parse("count scale==pilot&live")).isEqualTo(new Expression.Figure(false,
                new Selector.Combination("scale", List.of("pilot", "live")), false, null));
        assertThat(ExpressionParser.parse("count support:shortTerm:imaging")).isEqualTo(new Expression.Figure(false,
                new Selector.Category("support", "shortTerm", "imaging"), false, null));
        assertThat(ExpressionParser.parse("count trials~ \"intensive care\" by units")).isEqualTo(new Expression.Figure(
                false, new Selector.Counted("trials", "intensive care"), true, null));
        assertThat(ExpressionParser.parse("count units")).isEqualTo(new Expression.Figure(false, new Selector.Total(),
                true, null));
    }

    @Test
    void shouldReadBlocks() {
        assertThat(ExpressionParser.parse("question scale by units"))
                .isEqualTo(new Expression.QuestionBlock("scale", null, true));
        assertThat(ExpressionParser.parse("compare scale with a/2019,a/2020 by units"))
                .isEqualTo(new Expression.CompareBlock("scale", List.of("a/2019", "a/2020"), true));
        assertThat(ExpressionParser.parse("top 3 support:longTerm")).isEqualTo(new Expression.Top(3, "support", "longTerm"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "\"\"|empty placeholder",
            "sum colour=red|unknown placeholder 'sum'",
            "count colour|names no figure",
            "percent respondents|has no base",
            "count colour=red&blue|a combination is written colour==red&blue",
            "count colour=red extra|unexpected 'extra'",
            "count colour=red by hospitals|'by' is followed by 'units'",
            "count colour=red in 2019|is no wave",
            "top many worries|'top' needs a number",
            "compare colour a/2019|'compare' reads",
            "count colour=re d!|unexpected"})
    void shouldSayWhatIsWrong(String source, String message) {
        assertThatThrownBy(() -> ExpressionParser.parse(source)).isInstanceOf(TemplateException.class)
                .hasMessageContaining(message);
    }
}
