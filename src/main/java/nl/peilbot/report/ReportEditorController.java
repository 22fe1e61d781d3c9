package nl.peilbot.report;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import nl.peilbot.aggregation.WaveId;

/**
 * The analysts' report editor (templates/report/editor.html): a wave's template in a text area or from an uploaded
 * file, its preview rendered as {@code report.html} is, its problems by line, and saving or reverting it.
 */
@Controller
class ReportEditorController {

    private final Reports reports;

    ReportEditorController(Reports reports) {
        this.reports = reports;
    }

    @GetMapping(path = "/results/{survey}/{wave}/report-editor", produces = MediaType.TEXT_HTML_VALUE)
    String editor(@PathVariable String survey, @PathVariable String wave, CsrfToken csrf, Locale locale, Model model,
                  HttpServletResponse response) {
        if (!reports.known(new WaveId(survey, wave))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no results for " + survey + "/" + wave);
        }
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("survey", survey);
        model.addAttribute("wave", wave);
        model.addAttribute("csrf", csrf);
        model.addAttribute("maxBytes", TemplateText.MAX_BYTES);
        // Set before Spring Security writes its own policy, which it then leaves alone.
        response.setHeader("Content-Security-Policy", reports.editorPolicy());
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        return "report/editor";
    }
}
