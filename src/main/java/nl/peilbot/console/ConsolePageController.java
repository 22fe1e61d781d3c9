package nl.peilbot.console;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.json.JsonMapper;

import nl.peilbot.conversation.Waves;
import nl.peilbot.system.PageTexts;

/**
 * The console's pages and the login page, rendered from {@code templates/console/*.html}: texts from the message
 * bundles in the language {@link nl.peilbot.system.LanguageResolver} chose, the CSRF token for forms and scripts.
 */
@Controller
class ConsolePageController {

    private final JsonMapper json;
    private final Waves waves;
    private final PageTexts scriptTexts;

    ConsolePageController(MessageSource texts, JsonMapper json, Waves waves) {
        this.json = json;
        this.waves = waves;
        this.scriptTexts = new PageTexts(texts, "console.js.");
    }

    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    String login(CsrfToken csrf, Locale locale, Model model, HttpServletResponse response) {
        return page("console/login", locale, csrf, model, response);
    }

    @GetMapping(path = "/console", produces = MediaType.TEXT_HTML_VALUE)
    String waves(CsrfToken csrf, Locale locale, Model model, HttpServletResponse response) {
        return page("console/waves", locale, csrf, model, response);
    }

    @GetMapping(path = "/console/waves/{survey}", produces = MediaType.TEXT_HTML_VALUE)
    String wave(@PathVariable String survey, CsrfToken csrf, Locale locale, Model model, HttpServletResponse response) {
        ConsoleWaves.wave(waves, survey);
        model.addAttribute("survey", survey);
        return page("console/wave", locale, csrf, model, response);
    }

    private String page(String template, Locale locale, CsrfToken csrf, Model model, HttpServletResponse response) {
        String language = locale.getLanguage();
        model.addAttribute("lang", language);
        model.addAttribute("csrf", csrf);
        model.addAttribute("otherLang", language.equals("nl") ? "en" : "nl");
        // A JSON data block for the page's script: "</" cannot end the script element it is embedded in once escaped.
        model.addAttribute("texts", json.writeValueAsString(scriptTexts.in(language)).replace("</", "<\\/"));
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        return template;
    }
}
