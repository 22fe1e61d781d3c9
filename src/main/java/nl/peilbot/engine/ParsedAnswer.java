package nl.peilbot.engine;

import java.util.List;

/** What one reply to a question amounts to. */
sealed interface ParsedAnswer {

    /** The question is answered completely. */
    record Accepted(Answer answer) implements ParsedAnswer {
    }

    /** Usable, but the question needs more (another option, the "namelijk" text, the next field or part). */
    record Partial(Pending pending) implements ParsedAnswer {
    }

    /** Skipped, as the question allows. */
    record Skipped() implements ParsedAnswer {
    }

    /** Not usable; {@code hintKey} names the bundle text that says why. */
    record Rejected(String hintKey, List<Object> arguments) implements ParsedAnswer {

        public Rejected {
            arguments = List.copyOf(arguments);
        }

        public Rejected(String hintKey) {
            this(hintKey, List.of());
        }
    }
}
