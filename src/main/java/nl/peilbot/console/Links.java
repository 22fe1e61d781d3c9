package nl.peilbot.console;

import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

import nl.peilbot.mail.MailLinks;

/** The two links of a token: the web chat (token in the fragment) and the Telegram deep link. */
@Component
class Links implements MailLinks {

    private final ConsoleProperties properties;

    Links(ConsoleProperties properties) {
        this.properties = properties;
    }

    @Override
    public String web(String survey, String token) {
        return properties.publicUrl() + "/chat/" + UriUtils.encodePathSegment(survey, StandardCharsets.UTF_8) + "#t=" + token;
    }

    /** Empty when no bot username is configured. */
    @Override
    public String telegram(String token) {
        return properties.telegramBotUsername().isEmpty() ? ""
                : "https://t.me/" + properties.telegramBotUsername() + "?start=" + token;
    }

    @Override
    public String base() {
        return properties.publicUrl();
    }
}
