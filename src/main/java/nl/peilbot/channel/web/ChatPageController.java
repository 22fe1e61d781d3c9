package nl.peilbot.channel.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

import nl.peilbot.system.PageTexts;

/**
 * The standalone chat page {@code /chat/{survey}} and the widget's texts. The token never reaches this
 * controller: it travels in the URL fragment, which browsers do not send.
 */
@Controller
class ChatPageController {

    private static final Pattern SURVEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private final PageTexts texts;
    private final String page;

    ChatPageController(MessageSource messages) {
        this.texts = new PageTexts(messages, "chat.ui.");
        this.page = PageTexts.resource("chat/page.html");
    }

    @GetMapping(path = "/chat/{survey}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String survey, @RequestParam(name = "lang", required = false) String lang,
                                @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String accepted) {
        if (!SURVEY_ID.matcher(survey).matches()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        String language = lang != null ? ChatLanguages.supported(lang) : ChatLanguages.preferred(accepted);
        String html = page.replace("{{lang}}", language)
                .replace("{{title}}", HtmlUtils.htmlEscape(texts.text("title", language)))
                .replace("{{noscript}}", HtmlUtils.htmlEscape(texts.text("noscript", language)))
                .replace("{{survey}}", HtmlUtils.htmlEscape(survey));
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(html);
    }

    /** The widget's own texts (labels, notices) in {@code lang}, keyed without the {@code chat.ui.} prefix. */
    @CrossOrigin(origins = "*")
    @GetMapping(path = "/chat/ui-messages", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, String>> uiMessages(@RequestParam(name = "lang", defaultValue = "nl") String lang) {
        String language = ChatLanguages.supported(lang);
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(10))).body(texts.in(language));
    }
}
