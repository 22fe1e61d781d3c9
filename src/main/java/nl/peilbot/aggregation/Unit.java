package nl.peilbot.aggregation;

/**
 * What a table counts: respondents, or units of analysis (the flow's {@code analysis.unit}, e.g. hospitals; a unit
 * has an option when any of its respondents chose it). Without a declared unit each respondent is a unit.
 */
public enum Unit {
    RESPONDENTS,
    UNITS
}
