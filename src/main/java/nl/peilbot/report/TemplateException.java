package nl.peilbot.report;

/** A placeholder that cannot be read or names a figure the data does not have; the caller adds the line. */
final class TemplateException extends RuntimeException {

    TemplateException(String message) {
        super(message);
    }
}
