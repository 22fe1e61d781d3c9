package nl.peilbot.results;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
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

/**
 * The results page {@code /results}: its summary rendered on the server, the questions' charts and tables drawn by
 * its script; the script's texts from the message bundles, and the page's live events.
 */
@Controller
class ResultsPageController {

    private final PageTexts texts;
    private final ResultsEvents events;
    private final Summaries summaries;

    ResultsPageController(MessageSource messages, ResultsEvents events, Summaries summaries) {
        this.texts = new PageTexts(messages, "results.ui.");
        this.events = events;
        this.summaries = summaries;
    }

    /**
     * The page of the wave {@code ?wave=survey/wave} (else the latest) in the language
     * {@link nl.peilbot.system.LanguageResolver} chose (templates/results/page.html).
     */
    @GetMapping(path = "/results", produces = MediaType.TEXT_HTML_VALUE)
    String page(@RequestParam(name = "wave", required = false) String wave, CsrfToken csrf, Locale locale, Model model) {
        String language = locale.getLanguage();
        model.addAttribute("lang", language);
        model.addAttribute("otherLang", language.equals("nl") ? "en" : "nl");
        model.addAttribute("csrf", csrf);
        summaries.summary(wave, locale).ifPresent(summary -> model.addAttribute("summary", summary));
        return "results/page";
    }

    /** The page's summary alone, which the script swaps in when the wave's results change. */
    @GetMapping(path = "/results/summary", produces = MediaType.TEXT_HTML_VALUE)
    String summary(@RequestParam(name = "wave") String wave, Locale locale, Model model) {
        model.addAttribute("lang", locale.getLanguage());
        summaries.summary(wave, locale).ifPresent(summary -> model.addAttribute("summary", summary));
        return "results/page :: summarySection";
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
