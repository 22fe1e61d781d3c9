package nl.peilbot.flow;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How a survey's answers are analysed, from the flow's {@code analysis:} block: the profile field whose value
 * groups respondents into units (hospitals, practices), the profile fields that results can be filtered and
 * cross-tabulated by, and the open-list field whose entries are counted.
 *
 * <p>All three are optional: without a unit every respondent is a unit of its own, without dimensions results
 * are filtered by choice questions only, without a counted field open lists are counted by their first field.
 *
 * @param unit       the unit of analysis, or null
 * @param dimensions profile fields to filter and cross-tabulate by, in the order the flow lists them
 * @param counted    the counted open-list field, or null
 */
public record Analysis(Unit unit, List<Dimension> dimensions, CountedField counted) {

    /** No declarations: every respondent is a unit, no dimensions, lists counted by their first field. */
    public static final Analysis NONE = new Analysis(null, List.of(), null);

    public Analysis {
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
    }

    public Optional<Unit> unitOfAnalysis() {
        return Optional.ofNullable(unit);
    }

    public Optional<CountedField> countedField() {
        return Optional.ofNullable(counted);
    }

    /**
     * The unit of analysis.
     *
     * @param field  the profile field naming the unit, e.g. {@code hospital}
     * @param label  one unit, e.g. "ziekenhuis" / "hospital"
     * @param plural several units, e.g. "ziekenhuizen" / "hospitals"
     */
    public record Unit(String field, LocalizedText label, LocalizedText plural) {
    }

    /**
     * A profile field that results can be filtered and cross-tabulated by.
     *
     * @param label its short name in column headings and filters, e.g. "Type ziekenhuis" / "Hospital type"
     */
    public record Dimension(String field, LocalizedText label) {
    }

    /**
     * The field of open-list entries that tables count by (e.g. the specialism of each experiment).
     *
     * @param field      the field id, in every open-list question that has it
     * @param label      the column heading, e.g. "Specialisme" / "Specialism"
     * @param categories optional categories whose synonyms count as one
     */
    public record CountedField(String field, LocalizedText label, List<CountedCategory> categories) {

        public CountedField {
            categories = categories == null ? List.of() : List.copyOf(categories);
        }

        /**
         * The category an entry's text belongs to: the one whose code, label (in any language) or synonym equals
         * the text, ignoring case, accents, punctuation and spacing ("IC", "intensive-care").
         */
        public Optional<CountedCategory> categoryOf(String text) {
            if (text == null) {
                return Optional.empty();
            }
            String typed = Labels.normalized(text);
            return categories.stream().filter(c -> c.names().anyMatch(name -> Labels.normalized(name).equals(typed)))
                    .findFirst();
        }
    }

    /**
     * One category of counted entries.
     *
     * @param synonyms other spellings that count as this category
     */
    public record CountedCategory(String code, LocalizedText label, List<String> synonyms) {

        public CountedCategory {
            synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
        }

        /** Every text that names this category: code, labels and synonyms. */
        Stream<String> names() {
            return Stream.concat(Stream.concat(Stream.of(code),
                    label.byLanguage().values().stream()), synonyms.stream());
        }
    }
}
