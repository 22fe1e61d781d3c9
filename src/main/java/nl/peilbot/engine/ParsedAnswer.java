package nl.peilbot.engine;

import java.util.List;

/** What one reply to a question amounts to. */
sealed interface ParsedAnswer {

    /** The question is answered completely. */
    record Accepted(Answer answer) implements ParsedAnswer {
    }

    /**
     * Usable, but the question needs more (another option, the "namelijk" text, the next field or part);
     * {@code noteKey}, when not null, names a bundle text said before the next prompt.
     */
    record Partial(Pending pending, String noteKey, List<Object> noteArguments) implements ParsedAnswer {

        public Partial {
            noteArguments = List.copyOf(noteArguments);
        }

        public Partial(Pending pending) {
            this(pending, null, List.of());
        }
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
