package nl.peilbot.aggregation;

/** A wave, question, option or category the results do not have. */
public class UnknownResultException extends RuntimeException {

    public UnknownResultException(String message) {
        super(message);
    }
}
