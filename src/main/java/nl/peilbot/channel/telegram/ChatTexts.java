package nl.peilbot.channel.telegram;

import java.util.Locale;

import org.springframework.context.MessageSource;

/** The channel's own texts ({@code telegram.*} in the message bundles), in the conversation's language. */
final class ChatTexts {

    static final String NON_TEXT = "telegram.non_text";
    static final String UNKNOWN_TOKEN = "telegram.unknown_token";
    static final String TAKEN = "telegram.taken";
    static final String NO_INVITATION = "telegram.no_invitation";
    static final String RESUMED = "telegram.resumed";
    static final String STALE = "telegram.stale";
    static final String PRIVATE_ONLY = "telegram.private_only";
    static final String UNKNOWN_COMMAND = "telegram.unknown_command";
    /** Followed by a refusal's code: the same texts as the web chat's errors. */
    static final String REFUSED_PREFIX = "chat.error.";

    private final MessageSource texts;

    ChatTexts(MessageSource texts) {
        this.texts = texts;
    }

    String text(String key, String language) {
        return texts.getMessage(key, null, Locale.forLanguageTag(language));
    }
}
