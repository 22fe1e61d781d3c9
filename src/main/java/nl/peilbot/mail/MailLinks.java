package nl.peilbot.mail;

/** The links a mail carries; implemented where the public address and the bot's name are configured. */
public interface MailLinks {

    /** The web chat link of a token (the token in the fragment). */
    String web(String survey, String token);

    /** The Telegram deep link of a token; empty when no bot is configured. */
    String telegram(String token);

    /** The public address of the service, without a trailing slash. */
    String base();
}
