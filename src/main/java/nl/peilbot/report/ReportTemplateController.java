package nl.peilbot.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Hidden;
import nl.peilbot.aggregation.UnknownResultException;
import nl.peilbot.aggregation.WaveId;

/**
 * Editing a wave's report template: the preview of any text with its problems and typed numbers, the template in
 * use, saving one for the wave or going back to its file, and checking an uploaded file. A template sent here is
 * UTF-8 text of at most {@link TemplateText#MAX_BYTES}; a refusal says why in the analyst's language.
 */
@Hidden
@RestController
@RequestMapping("/api/results/{survey}/{wave}/report")
class ReportTemplateController {

    private final Reports reports;
    private final MessageSource messages;

    ReportTemplateController(Reports reports, MessageSource messages) {
        this.reports = reports;
        this.messages = messages;
    }

    /** Renders the template in the body (the stored one when the body is empty): the page, problems, typed numbers. */
    @PostMapping(path = "/preview", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> preview(@PathVariable String survey, @PathVariable String wave, HttpServletRequest request) {
        String template = body(request);
        WaveId id = new WaveId(survey, wave);
        Reports.Page page = reports.render(id, template.isBlank() ? inUse(id).template() : template);
        return Map.of("html", page.html(), "problems", page.report().problems(), "typed", page.report().typed());
    }

    /** The template in use for the editor: its text, the revision to save on and whether it is a saved copy. */
    @GetMapping(path = "/stored", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> stored(@PathVariable String survey, @PathVariable String wave) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(describe(inUse(new WaveId(survey, wave))));
    }

    /**
     * Stores the template in the body for the wave, on top of {@code revision} (the one the editor loaded): 409 when
     * someone saved since, 422 with the problems when it has errors (the report would not be published).
     */
    @PutMapping(path = "/template", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> save(@PathVariable String survey, @PathVariable String wave, @RequestParam long revision,
                           HttpServletRequest request, Principal analyst, Locale locale) {
        String template = body(request);
        WaveId id = new WaveId(survey, wave);
        if (template.isBlank()) {
            return refused(HttpStatus.UNPROCESSABLE_CONTENT, "report.editor.empty", locale);
        }
        Reports.Page page = reports.render(id, template);
        if (page.report().hasErrors()) {
            ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "report.editor.hasErrors", locale);
            problem.setProperty("problems", page.report().problems());
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return saved(reports.save(id, revision, template, analyst.getName()), locale);
    }

    /** Hands the wave back to its file, on top of {@code revision}: 409 when someone saved since. */
    @DeleteMapping(path = "/template", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> revert(@PathVariable String survey, @PathVariable String wave, @RequestParam long revision,
                             Principal analyst, Locale locale) {
        WaveId id = new WaveId(survey, wave);
        Reports.Stored current = inUse(id);
        if (current.revision().number() == revision && !current.revision().saved()) {
            return ResponseEntity.ok(describe(current));
        }
        return saved(reports.save(id, revision, null, analyst.getName()), locale);
    }

    /** An uploaded template file, checked (size, UTF-8 text) and handed back for the editor; nothing is stored. */
    @PostMapping(path = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> upload(@PathVariable String survey, @PathVariable String wave, @RequestParam MultipartFile file)
            throws IOException {
        byte[] bytes = file.getSize() > TemplateText.MAX_BYTES ? new byte[0] : file.getBytes();
        return Map.of("template", TemplateText.decode(bytes, file.getSize()));
    }

    @ExceptionHandler(TemplateText.Refused.class)
    ResponseEntity<ProblemDetail> refused(TemplateText.Refused e, Locale locale) {
        return e.reason() == TemplateText.Refused.Reason.TOO_LARGE
                ? refused(HttpStatus.CONTENT_TOO_LARGE, "report.editor.tooLarge", locale)
                : refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "report.editor.notText", locale);
    }

    private Reports.Stored inUse(WaveId wave) {
        if (!reports.known(wave)) {
            throw new UnknownResultException("no results for " + wave.survey() + "/" + wave.wave());
        }
        return reports.stored(wave);
    }

    private ResponseEntity<?> saved(Optional<Reports.Stored> saved, Locale locale) {
        return saved.<ResponseEntity<?>>map(stored -> ResponseEntity.ok(describe(stored)))
                .orElseGet(() -> refused(HttpStatus.CONFLICT, "report.editor.conflict", locale));
    }

    /** The body as the client sent it: a form-encoded body a filter already parsed is put together again. */
    private static String body(HttpServletRequest request) {
        try {
            return TemplateText.read(new ServletServerHttpRequest(request).getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ResponseEntity<ProblemDetail> refused(HttpStatus status, String key, Locale locale) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(status, key, locale));
    }

    private ProblemDetail problem(HttpStatus status, String key, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(key, new Object[] {TemplateText.MAX_BYTES / 1024}, locale));
        problem.setProperty("code", key.substring(key.lastIndexOf('.') + 1));
        return problem;
    }

    private static Map<String, Object> describe(Reports.Stored stored) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("template", stored.template());
        described.put("revision", stored.revision().number());
        described.put("saved", stored.revision().saved());
        described.put("file", stored.file());
        if (stored.revision().number() > 0) {
            described.put("savedBy", stored.revision().savedBy());
            described.put("savedAt", stored.revision().savedAt().toString());
        }
        return described;
    }
}
