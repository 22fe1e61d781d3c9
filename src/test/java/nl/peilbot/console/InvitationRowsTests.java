package nl.peilbot.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.peilbot.csv.SpreadsheetCsv;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Flows;
import nl.peilbot.invitation.InvitationDraft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A survey of another kind of unit (GP practices) is imported with its own columns: nothing in Java knows them. */
class InvitationRowsTests {

    private static final Flow PRACTICES = Flows.parse("practices", """
            id: practices
            wave: "2030"
            languages: [nl, en]
            title: {nl: Praktijken, en: Practices}
            intro: {nl: Welkom, en: Welcome}
            consent: {nl: "Akkoord?", en: "Agree?"}
            closing: {nl: Dank u, en: Thank you}
            profile:
              - id: practice
                kind: open-text
                text: {nl: "Welke praktijk?", en: "Which practice?"}
              - id: position
                kind: single-choice
                text: {nl: "Uw functie?", en: "Your position?"}
                options:
                  - {code: gp, label: {nl: Huisarts, en: GP}}
                  - {code: manager, label: {nl: Praktijkmanager, en: Practice manager}}
            analysis:
              unit: {field: practice, label: {nl: praktijk, en: practice}, plural: {nl: praktijken, en: practices}}
              dimensions:
                - {field: position, label: {nl: Functie, en: Position}}
            questions:
              - id: satisfied
                kind: single-choice
                text: {nl: "Tevreden?", en: "Satisfied?"}
                options:
                  - {code: "yes", label: {nl: Ja, en: "Yes"}}
                  - {code: "no", label: {nl: Nee, en: "No"}}
            """);

    @Test
    void shouldMatchHeadersByFieldIdAndByTheUnitsAndDimensionsLabelsInEitherLanguage() {
        List<InvitationRows.Problem> problems = new ArrayList<>();
        List<InvitationRows.Row> rows = InvitationRows.fromCsv(PRACTICES, SpreadsheetCsv.read("""
                Praktijk;Position;Naam;E-mail
                Huisartsen De Linde;Praktijkmanager;Ria;ria@example.org
                Gezondheidscentrum Oost;gp;Sem;
                """), problems).orElseThrow();

        InvitationRows.Checked checked = new InvitationRows(PRACTICES, List.of()).check(rows);

        assertThat(problems).isEmpty();
        assertThat(checked.problems()).isEmpty();
        assertThat(checked.drafts()).extracting(InvitationDraft::profile).containsExactly(
                Map.of("practice", "Huisartsen De Linde", "position", "manager"),
                Map.of("practice", "Gezondheidscentrum Oost", "position", "gp"));
    }

    @Test
    void shouldRequireTheUnitsColumnAndRefuseAnotherSurveysColumns() {
        List<InvitationRows.Problem> problems = new ArrayList<>();

        InvitationRows.fromCsv(PRACTICES, SpreadsheetCsv.read("ziekenhuis;functie\nAMC;gp\n"), problems);

        assertThat(problems).extracting(InvitationRows.Problem::code).containsExactly("unknown_column", "missing_unit_column");
    }

    @Test
    void shouldNameTheFieldOfAnUnknownOptionAndAMissingUnit() {
        InvitationRows.Checked checked = new InvitationRows(PRACTICES, List.of()).check(List.of(
                new InvitationRows.Row(2, Map.of("practice", "De Linde", "position", "nurse"), null, null, null, null, null),
                new InvitationRows.Row(3, Map.of("position", "gp"), null, null, null, null, null)));

        assertThat(checked.problems()).extracting(InvitationRows.Problem::line, InvitationRows.Problem::code,
                InvitationRows.Problem::value).containsExactly(
                tuple(2, "unknown_option", "position: nurse"),
                tuple(3, "missing_unit", "practice"));
        assertThat(checked.drafts()).isEmpty();
    }

    @Test
    void shouldShowTheUnitAndTheDimensionsLabelsOfAProfile() {
        ProfileFields fields = new ProfileFields(PRACTICES);

        assertThat(fields.unit(Map.of("practice", "De Linde", "position", "gp"))).isEqualTo("De Linde");
        assertThat(fields.dimensions(Map.of("practice", "De Linde", "position", "gp"))).isEqualTo("Huisarts");
    }
}
