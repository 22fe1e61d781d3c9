package nl.peilbot.channel.web;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

import nl.peilbot.system.Languages;
import nl.peilbot.system.PageTexts;

/**
 * The standalone chat page {@code /chat/{survey}} and the widget's texts. The token never reaches this
 * controller: it travels in the URL fragment, which browsers do not send.
 */
@Controller
class ChatPageController {

    private static final Pattern SURVEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private final PageTexts texts;

    ChatPageController(MessageSource messages) {
        this.texts = new PageTexts(messages, "chat.ui.");
    }

    /** The page in the language {@link nl.peilbot.system.LanguageResolver} chose (templates/chat/page.html). */
    @GetMapping(path = "/chat/{survey}", produces = MediaType.TEXT_HTML_VALUE)
    String page(@PathVariable String survey, Locale locale, Model model) {
        if (!SURVEY_ID.matcher(survey).matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("survey", survey);
        model.addAttribute("lang", locale.getLanguage());
        return "chat/page";
    }

    /** The widget's own texts (labels, notices) in {@code lang}, keyed without the {@code chat.ui.} prefix. */
    @CrossOrigin(origins = "*")
    @GetMapping(path = "/chat/ui-messages", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, String>> uiMessages(@RequestParam(name = "lang", defaultValue = "nl") String lang) {
        String language = Languages.supported(lang);
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(10))).body(texts.in(language));
    }
}
