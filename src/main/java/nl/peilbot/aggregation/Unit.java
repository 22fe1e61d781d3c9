package nl.peilbot.aggregation;

/** What a table counts: respondents, or hospitals (a hospital has an option when any of its respondents chose it). */
public enum Unit {
    RESPONDENTS,
    HOSPITALS
}
