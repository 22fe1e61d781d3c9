package nl.peilbot.results;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
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
import nl.peilbot.system.PageTexts;

/** The results page {@code /results} (static HTML and JS), its texts from the message bundles, and its live events. */
@Controller
class ResultsPageController {

    private static final List<String> LANGUAGES = List.of("nl", "en");

    private final PageTexts texts;
    private final ResultsEvents events;
    private final String page;

    ResultsPageController(MessageSource messages, ResultsEvents events) {
        this.texts = new PageTexts(messages, "results.ui.");
        this.events = events;
        this.page = PageTexts.resource("results/page.html");
    }

    @GetMapping(path = "/results", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@RequestParam(name = "lang", required = false) String lang) {
        String language = language(lang);
        String html = page.replace("{{lang}}", language)
                .replace("{{title}}", HtmlUtils.htmlEscape(texts.text("title", language)))
                .replace("{{noscript}}", HtmlUtils.htmlEscape(texts.text("noscript", language)));
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(html);
    }

    /** The page's texts in {@code lang}, keyed without the {@code results.ui.} prefix. */
    @GetMapping(path = "/results/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, String> texts(@RequestParam(name = "lang", defaultValue = "nl") String lang) {
        String language = language(lang);
        return this.texts.in(language);
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
}
