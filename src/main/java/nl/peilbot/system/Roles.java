package nl.peilbot.system;

import java.util.Set;

/**
 * The roles: organisers run waves and see progress; analysts see (pseudonymised) answers; a metrics account (a
 * Prometheus scraper) reads {@code /actuator/prometheus} and nothing else.
 */
final class Roles {

    static final String ORGANISER = "ORGANISER";
    static final String ANALYST = "ANALYST";
    static final String METRICS = "METRICS";
    static final Set<String> ALL = Set.of(ORGANISER, ANALYST, METRICS);

    private Roles() {
    }
}
