package nl.peilbot.report;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;
import nl.peilbot.aggregation.WaveId;

/**
 * The report of a wave for analysts: {@code report.html}, {@code report.pdf} and the template in use (saved for the
 * wave, else its file, else made from the flow; {@link ReportTemplateController} previews and edits it). Pages, not
 * part of the JSON API's contract, so left out of its OpenAPI.
 */
@Hidden
@RestController
@RequestMapping("/api/results/{survey}/{wave}")
class ReportController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    private static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);

    private final Reports reports;

    ReportController(Reports reports) {
        this.reports = reports;
    }

    @GetMapping("/report.html")
    ResponseEntity<String> html(@PathVariable String survey, @PathVariable String wave) {
        Reports.Page page = reports.render(new WaveId(survey, wave), stored(survey, wave));
        if (page.report().hasErrors()) {
            return problems(page);
        }
        return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", reports.contentSecurityPolicy()).body(page.html());
    }

    @GetMapping("/report.pdf")
    ResponseEntity<?> pdf(@PathVariable String survey, @PathVariable String wave) {
        Reports.Page page = reports.render(new WaveId(survey, wave), stored(survey, wave));
        if (page.report().hasErrors()) {
            return problems(page);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + survey + "-" + wave + ".pdf\"")
                .body(reports.pdf(page));
    }

    @GetMapping(path = "/report/template", produces = "text/markdown")
    ResponseEntity<String> template(@PathVariable String survey, @PathVariable String wave) {
        return ResponseEntity.ok().contentType(MARKDOWN).body(stored(survey, wave));
    }

    private String stored(String survey, String wave) {
        return reports.template(new WaveId(survey, wave));
    }

    private static ResponseEntity<String> problems(Reports.Page page) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"/><title>")
                .append(Html.escape(page.report().title())).append("</title></head><body><ul class=\"problems\">");
        List<Problem> problems = page.report().problems();
        problems.forEach(p -> html.append("<li>").append(p.error() ? "error" : "warning").append(", line ")
                .append(p.line()).append(": ").append(Html.escape(p.message())).append("</li>"));
        return ResponseEntity.unprocessableEntity().contentType(HTML).body(html.append("</ul></body></html>").toString());
    }
}
