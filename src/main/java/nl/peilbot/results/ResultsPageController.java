package nl.peilbot.results;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Operation;
import nl.peilbot.aggregation.WaveId;
import nl.peilbot.system.Languages;
import nl.peilbot.system.PageTexts;

/** The results page {@code /results} (static HTML and JS), its texts from the message bundles, and its live events. */
@Controller
class ResultsPageController {

    private final PageTexts texts;
    private final ResultsEvents events;

    ResultsPageController(MessageSource messages, ResultsEvents events) {
        this.texts = new PageTexts(messages, "results.ui.");
        this.events = events;
    }

    /** The page in the language {@link nl.peilbot.system.LanguageResolver} chose (templates/results/page.html). */
    @GetMapping(path = "/results", produces = MediaType.TEXT_HTML_VALUE)
    String page(Locale locale, Model model) {
        model.addAttribute("lang", locale.getLanguage());
        return "results/page";
    }

    /** The page's texts in {@code lang}, keyed without the {@code results.ui.} prefix. */
    @GetMapping(path = "/results/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, String> texts(@RequestParam(name = "lang", defaultValue = "nl") String lang) {
        return this.texts.in(Languages.supported(lang));
    }

    @Operation(summary = "Server-sent events: 'changed' whenever the wave's results were written")
    @GetMapping(path = "/api/results/{survey}/{wave}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter events(@PathVariable String survey, @PathVariable String wave) {
        return events.subscribe(new WaveId(survey, wave));
    }
}
