package nl.peilbot.system;

import java.util.Set;

/** The two roles: organisers run waves and see progress; analysts see (pseudonymised) answers. */
final class Roles {

    static final String ORGANISER = "ORGANISER";
    static final String ANALYST = "ANALYST";
    static final Set<String> ALL = Set.of(ORGANISER, ANALYST);

    private Roles() {
    }
}
