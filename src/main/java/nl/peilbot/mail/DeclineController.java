package nl.peilbot.mail;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import nl.peilbot.invitation.InvitationSummary;
import nl.peilbot.invitation.Invitations;

/**
 * "I will not take part", from a mail: {@code GET /mail/decline?d=…} shows a button (so that a link scanner opening
 * the link declines nothing), {@code POST} records it; mail clients POST {@code List-Unsubscribe=One-Click} to the
 * same address (RFC 8058). No login, the signed token is the proof; a repeat is answered the same.
 */
@RestController
class DeclineController {

    private final Declines declines;
    private final Invitations invitations;
    private final MessageSource texts;
    private final Clock clock;

    DeclineController(Declines declines, Invitations invitations, MessageSource texts, Clock clock) {
        this.declines = declines;
        this.invitations = invitations;
        this.texts = texts;
        this.clock = clock;
    }

    @GetMapping(path = "/mail/decline", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> ask(@RequestParam(name = "d", required = false) String token) {
        if (invitation(token).isEmpty()) {
            return page(HttpStatus.NOT_FOUND, "unknown", null);
        }
        return page(HttpStatus.OK, declines.declined(declines.ref(token).orElseThrow()) ? "done" : "ask", token);
    }

    @PostMapping(path = "/mail/decline", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> decline(@RequestParam(name = "d", required = false) String token) {
        Optional<InvitationSummary> invitation = invitation(token);
        if (invitation.isEmpty()) {
            return page(HttpStatus.NOT_FOUND, "unknown", null);
        }
        declines.record(invitation.get().survey(), invitation.get().responseId(), clock.instant());
        return page(HttpStatus.OK, "done", null);
    }

    private Optional<InvitationSummary> invitation(String token) {
        return declines.ref(token).flatMap(invitations::summary);
    }

    private ResponseEntity<String> page(HttpStatus status, String state, String token) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(text("mail.decline.title", "nl")).append("</title></head><body><main>");
        for (String language : new String[] {"nl", "en"}) {
            html.append("<section lang=\"").append(language).append("\"><h1>")
                    .append(text("mail.decline.title", language)).append("</h1><p>")
                    .append(text("mail.decline." + state, language)).append("</p>");
            if (token != null && state.equals("ask")) {
                html.append("<form method=\"post\" action=\"/mail/decline\"><input type=\"hidden\" name=\"d\" value=\"")
                        .append(HtmlUtils.htmlEscape(token)).append("\"><button type=\"submit\">")
                        .append(text("mail.decline.button", language)).append("</button></form>");
            }
            html.append("</section>");
        }
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(html.append("</main></body></html>")
                .toString());
    }

    private String text(String key, String language) {
        return HtmlUtils.htmlEscape(texts.getMessage(key, null, key, Locale.forLanguageTag(language)));
    }
}
