package nl.peilbot.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.HtmlUtils;

import io.swagger.v3.oas.annotations.Operation;
import nl.peilbot.aggregation.WaveId;

/** The results page {@code /results} (static HTML and JS), its texts from the message bundles, and its live events. */
@Controller
class ResultsPageController {

    private static final String UI_PREFIX = "results.ui.";
    private static final List<String> LANGUAGES = List.of("nl", "en");

    private final MessageSource messages;
    private final ResultsEvents events;
    private final String page;
    private final List<String> uiKeys;

    ResultsPageController(MessageSource messages, ResultsEvents events) {
        this.messages = messages;
        this.events = events;
        this.page = resource("results/page.html");
        this.uiKeys = uiKeys();
    }

    @GetMapping(path = "/results", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@RequestParam(name = "lang", required = false) String lang) {
        String language = language(lang);
        String html = page.replace("{{lang}}", language)
                .replace("{{title}}", HtmlUtils.htmlEscape(text("title", language)))
                .replace("{{noscript}}", HtmlUtils.htmlEscape(text("noscript", language)));
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(html);
    }

    /** The page's texts in {@code lang}, keyed without the {@code results.ui.} prefix. */
    @GetMapping(path = "/results/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, String> texts(@RequestParam(name = "lang", defaultValue = "nl") String lang) {
        String language = language(lang);
        Map<String, String> texts = new LinkedHashMap<>();
        uiKeys.forEach(key -> texts.put(key, text(key, language)));
        return texts;
    }

    @Operation(summary = "Server-sent events: 'changed' whenever the wave's results were written")
    @GetMapping(path = "/api/results/{survey}/{wave}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter events(@PathVariable String survey, @PathVariable String wave) {
        return events.subscribe(new WaveId(survey, wave));
    }

    private static String language(String requested) {
        String language = requested == null ? "" : requested.strip().toLowerCase(Locale.ROOT);
        return LANGUAGES.contains(language) ? language : LANGUAGES.get(0);
    }

    private String text(String key, String language) {
        return messages.getMessage(UI_PREFIX + key, null, key, Locale.forLanguageTag(language));
    }

    private static List<String> uiKeys() {
        try {
            return PropertiesLoaderUtils.loadProperties(new ClassPathResource("messages.properties")).stringPropertyNames()
                    .stream().filter(key -> key.startsWith(UI_PREFIX)).map(key -> key.substring(UI_PREFIX.length()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String path) {
        try {
            return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
