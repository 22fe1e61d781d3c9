package nl.peilbot.flow;

/** The kinds of question a flow can ask; the YAML spelling is the lower-case name with dashes. */
public enum QuestionKind {
    /** One option out of a list. */
    SINGLE_CHOICE,
    /** Any number of options; an option marked {@code other} asks for a text, one marked {@code exclusive} stands alone. */
    MULTIPLE_CHOICE,
    /** One free text. */
    OPEN_TEXT,
    /** Up to {@code maxItems} entries, each made of the question's {@code fields} (e.g. specialism and description). */
    OPEN_LIST,
    /** A fixed set of free-text parts asked one after another (e.g. short term and long term). */
    OPEN_PARTS;

    public String yamlName() {
        return name().toLowerCase().replace('_', '-');
    }

    public static QuestionKind fromYaml(String name) {
        for (QuestionKind kind : values()) {
            if (kind.yamlName().equals(name)) {
                return kind;
            }
        }
        return null;
    }

    public boolean isChoice() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }
}
