package nl.peilbot.console;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

import nl.peilbot.conversation.Waves;
import nl.peilbot.system.PageTexts;

/**
 * The console's pages and the login page, rendered from {@code console/*.html}: texts from the message bundles
 * ({@code {{t:key}}}), the CSRF token for forms and scripts, Dutch unless English is asked for.
 */
@Controller
class ConsolePageController {

    private static final Pattern TEXT = Pattern.compile("\\{\\{t:([a-zA-Z0-9_.]+)}}");

    private final MessageSource texts;
    private final JsonMapper json;
    private final Waves waves;
    private final PageTexts scriptTexts;

    ConsolePageController(MessageSource texts, JsonMapper json, Waves waves) {
        this.texts = texts;
        this.json = json;
        this.waves = waves;
        this.scriptTexts = new PageTexts(texts, "console.js.");
    }

    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> login(CsrfToken csrf, @RequestParam(required = false) String lang,
                                 @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String accepted) {
        return page("console/login.html", language(lang, accepted), csrf, Map.of());
    }

    @GetMapping(path = "/console", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> waves(CsrfToken csrf, @RequestParam(required = false) String lang,
                                 @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String accepted) {
        return page("console/waves.html", language(lang, accepted), csrf, Map.of());
    }

    @GetMapping(path = "/console/waves/{survey}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> wave(@PathVariable String survey, CsrfToken csrf, @RequestParam(required = false) String lang,
                                @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String accepted) {
        ConsoleWaves.wave(waves, survey);
        return page("console/wave.html", language(lang, accepted), csrf, Map.of("survey", survey));
    }

    private ResponseEntity<String> page(String template, String language, CsrfToken csrf, Map<String, String> values) {
        Locale locale = Locale.forLanguageTag(language);
        Matcher matcher = TEXT.matcher(PageTexts.resource(template));
        StringBuilder html = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(html, Matcher.quoteReplacement(
                    HtmlUtils.htmlEscape(texts.getMessage(matcher.group(1), null, matcher.group(1), locale))));
        }
        matcher.appendTail(html);
        String page = html.toString()
                .replace("{{lang}}", language)
                .replace("{{otherLang}}", language.equals("nl") ? "en" : "nl")
                .replace("{{csrf.parameter}}", HtmlUtils.htmlEscape(csrf.getParameterName()))
                .replace("{{csrf.header}}", HtmlUtils.htmlEscape(csrf.getHeaderName()))
                .replace("{{csrf.token}}", HtmlUtils.htmlEscape(csrf.getToken()))
                // "</" cannot end the script element it is embedded in once escaped.
                .replace("{{texts}}", json.writeValueAsString(scriptTexts.in(language)).replace("</", "<\\/"));
        for (Map.Entry<String, String> value : values.entrySet()) {
            page = page.replace("{{" + value.getKey() + "}}", HtmlUtils.htmlEscape(value.getValue()));
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(page);
    }

    private static String language(String requested, String accepted) {
        if (requested != null) {
            return requested.strip().equalsIgnoreCase("en") ? "en" : "nl";
        }
        if (accepted != null) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(accepted)) {
                    String language = range.getRange().split("-")[0];
                    if (language.equals("nl") || language.equals("en")) {
                        return language;
                    }
                }
            } catch (IllegalArgumentException e) {
                // a malformed header counts as no preference
            }
        }
        return "nl";
    }
}
