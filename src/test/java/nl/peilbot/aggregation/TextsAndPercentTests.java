package nl.peilbot.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsAndPercentTests {

    @Test
    void shouldRoundWholePercentsHalfUpAsTheReportDoes() {
        assertThat(Percent.of(13, 35)).isEqualTo(37);
        assertThat(Percent.of(19, 35)).isEqualTo(54);
        assertThat(Percent.of(3, 35)).isEqualTo(9);
        assertThat(Percent.of(6, 16)).isEqualTo(38);
        assertThat(Percent.of(3, 16)).isEqualTo(19);
        assertThat(Percent.of(1, 8)).isEqualTo(13);
        assertThat(Percent.of(0, 35)).isZero();
        assertThat(Percent.of(5, 0)).isZero();
    }

    @Test
    void shouldGiveOneKeyForSpellingsOfOneName() {
        assertThat(Texts.key("St. Antonius  Ziekenhuis ")).isEqualTo("st antonius ziekenhuis");
        assertThat(Texts.key("ST ANTONIUS ZIEKENHUIS")).isEqualTo("st antonius ziekenhuis");
        assertThat(Texts.key("Máxima Medisch Centrum")).isEqualTo("maxima medisch centrum");
        assertThat(Texts.key("Radiologie/IC.")).isEqualTo("radiologie ic");
        assertThat(Texts.key(null)).isEmpty();
    }

    @Test
    void shouldMatchKeywordsAtTheStartOfAWordIgnoringCaseAndAccents() {
        assertThat(Texts.mentions("Beeldherkenning op de radiologie", "beeld")).isTrue();
        assertThat(Texts.mentions("Veel ICT-kennis nodig", "ict")).isTrue();
        assertThat(Texts.mentions("Een praktische aanpak", "ict")).isFalse();
        assertThat(Texts.mentions("Gebrek aan DESKUNDIGHEID", "deskundig")).isTrue();
        assertThat(Texts.mentions("Privacy", "")).isFalse();
    }
}
