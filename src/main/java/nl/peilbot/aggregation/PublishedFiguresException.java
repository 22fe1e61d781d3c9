package nl.peilbot.aggregation;

/** A published-figures file that cannot be read; the message names the file and the mistake. */
public class PublishedFiguresException extends RuntimeException {

    public PublishedFiguresException(String message) {
        super(message);
    }
}
