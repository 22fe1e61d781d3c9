package nl.peilbot.console;

/**
 * A dashboard counter. Each kind of counter is one record, so the dashboard asks for "the respondents who reached
 * this question" by type rather than by a string built by convention; {@link #path()} renders a key as the stored
 * counter name and {@link #parse} reads it back, the one place that knows the stored format
 * ({@code <kind>|<value>[|<value>]}, see docs/storage.md).
 */
sealed interface DashboardKey {

    String path();

    /** An invitation not revoked, of a unit. */
    record Invited(String unit) implements DashboardKey {
        public String path() {
            return "i|" + unit;
        }
    }

    /** A respondent of a unit who started. */
    record Started(String unit) implements DashboardKey {
        public String path() {
            return "s|" + unit;
        }
    }

    /** A respondent of a unit who completed. */
    record Completed(String unit) implements DashboardKey {
        public String path() {
            return "c|" + unit;
        }
    }

    /** A completed response that took this many seconds (a {@link DashboardTally#bucket bucket}) from start to end. */
    record CompletionSeconds(long bucket) implements DashboardKey {
        public String path() {
            return "d|" + bucket;
        }
    }

    /** A respondent who reached (saw) a question. */
    record Reached(String question) implements DashboardKey {
        public String path() {
            return "r|" + question;
        }
    }

    /** A respondent who has not completed and stopped at this question. */
    record LeftAt(String question) implements DashboardKey {
        public String path() {
            return "l|" + question;
        }
    }

    /** A respondent who has not completed and stopped before the first question. */
    record LeftBeforeTheFirstQuestion() implements DashboardKey {
        public String path() {
            return "l|";
        }
    }

    /** An answer to a question that took this many seconds (a {@link DashboardTally#bucket bucket}) in the chat. */
    record SecondsTaken(String question, long bucket) implements DashboardKey {
        public String path() {
            return "t|" + question + "|" + bucket;
        }
    }

    /**
     * A stored counter name this version does not know (written by a newer one during a rolling update): carried
     * through the folds unchanged, shown nowhere.
     */
    record Unknown(String path) implements DashboardKey {
    }

    /** The key a stored counter name stands for. */
    static DashboardKey parse(String path) {
        int bar = path.indexOf('|');
        String rest = path.substring(bar + 1);
        try {
            DashboardKey key = bar < 0 ? null : switch (path.substring(0, bar)) {
                case "i" -> new Invited(rest);
                case "s" -> new Started(rest);
                case "c" -> new Completed(rest);
                case "d" -> new CompletionSeconds(Long.parseLong(rest));
                case "r" -> new Reached(rest);
                case "l" -> rest.isEmpty() ? new LeftBeforeTheFirstQuestion() : new LeftAt(rest);
                case "t" -> rest.lastIndexOf('|') < 0 ? null : new SecondsTaken(rest.substring(0, rest.lastIndexOf('|')),
                        Long.parseLong(rest.substring(rest.lastIndexOf('|') + 1)));
                default -> null;
            };
            return key == null ? new Unknown(path) : key;
        } catch (NumberFormatException e) {
            return new Unknown(path);
        }
    }
}
