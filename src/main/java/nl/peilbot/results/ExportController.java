package nl.peilbot.results;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.peilbot.aggregation.Results;
import nl.peilbot.aggregation.WaveId;
import nl.peilbot.csv.SpreadsheetCsv;
import nl.peilbot.flow.Flow;
import nl.peilbot.response.ResponseReader;
import nl.peilbot.response.ResponseSelection;

/** Downloads: raw responses (CSV, XLSX, SPSS syntax for the CSV) and the tables (CSV or XLSX per question, XLSX of all). */
@RestController
@RequestMapping("/api/results/{survey}/{wave}/export")
@Tag(name = "exports", description = "Pseudonymised raw responses and the report's tables as files")
class ExportController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType SPS = new MediaType("text", "plain", StandardCharsets.UTF_8);
    private static final String LANG = "Language of labels and headers (nl, en); without it the Accept-Language "
            + "header, else the survey's default language";

    private final Results results;
    private final ResponseReader responses;
    private final Pseudonyms pseudonyms;
    private final MessageSource messages;

    ExportController(Results results, ResponseReader responses, Pseudonyms pseudonyms, MessageSource messages) {
        this.results = results;
        this.responses = responses;
        this.pseudonyms = pseudonyms;
        this.messages = messages;
    }

    @Operation(summary = "Raw responses as CSV: one row per respondent, one column per answer (see docs/results-api.md)")
    @Parameter(name = "lang", in = ParameterIn.QUERY, description = LANG, schema = @Schema(type = "string", example = "nl"))
    @GetMapping("/responses.csv")
    ResponseEntity<StreamingResponseBody> responsesCsv(@PathVariable String survey, @PathVariable String wave,
                                                       @ParameterObject ResponseFilter filter,
                                                       @Parameter(hidden = true) @RequestParam Map<String, String> parameters,
                                                       @Parameter(hidden = true) Locale locale) {
        Export export = export(new WaveId(survey, wave), filter, parameters, locale);
        return file(out -> {
            try (SpreadsheetCsv.RowWriter csv = SpreadsheetCsv.writer(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
                csv.row(export.header());
                export.forEachRow(csv::row);
            }
        }, CSV, fileName(survey, wave, "responses.csv"));
    }

    @Operation(summary = "Raw responses as an XLSX workbook, the same columns as the CSV")
    @Parameter(name = "lang", in = ParameterIn.QUERY, description = LANG, schema = @Schema(type = "string", example = "nl"))
    @GetMapping("/responses.xlsx")
    ResponseEntity<StreamingResponseBody> responsesXlsx(@PathVariable String survey, @PathVariable String wave,
                                                        @ParameterObject ResponseFilter filter,
                                                        @Parameter(hidden = true) @RequestParam Map<String, String> parameters,
                                                        @Parameter(hidden = true) Locale locale) {
        Export export = export(new WaveId(survey, wave), filter, parameters, locale);
        return file(out -> XlsxWriter.write(out, List.of(new XlsxWriter.Streamed(export.name(), export.header(),
                export::forEachRow))), XLSX, fileName(survey, wave, "responses.xlsx"));
    }

    @Operation(summary = "SPSS syntax reading responses.csv, with variable and value labels")
    @Parameter(name = "lang", in = ParameterIn.QUERY, description = LANG, schema = @Schema(type = "string", example = "nl"))
    @GetMapping("/responses.sps")
    ResponseEntity<byte[]> responsesSps(@PathVariable String survey, @PathVariable String wave,
                                        @ParameterObject ResponseFilter filter,
                                        @Parameter(hidden = true) @RequestParam Map<String, String> parameters,
                                        @Parameter(hidden = true) Locale locale) {
        Export export = export(new WaveId(survey, wave), filter, parameters, locale);
        SpssSyntax.TextWidths widths = new SpssSyntax.TextWidths(export.columns().size());
        export.forEachRow(widths::add);
        String syntax = SpssSyntax.of(export.columns(), widths, fileName(survey, wave, "responses.csv"));
        return file(syntax.getBytes(StandardCharsets.UTF_8), SPS, fileName(survey, wave, "responses.sps"));
    }

    @Operation(summary = "Every question's table, one sheet each")
    @Parameter(name = "lang", in = ParameterIn.QUERY, description = LANG, schema = @Schema(type = "string", example = "nl"))
    @GetMapping("/tables.xlsx")
    ResponseEntity<byte[]> tables(@PathVariable String survey, @PathVariable String wave,
                                  @Parameter(hidden = true) Locale locale) {
        List<Sheet> sheets = tableSheets(new WaveId(survey, wave), locale).all();
        return file(XlsxWriter.write(sheets), XLSX, fileName(survey, wave, "tables.xlsx"));
    }

    @Operation(summary = "One question's table as CSV")
    @Parameter(name = "lang", in = ParameterIn.QUERY, description = LANG, schema = @Schema(type = "string", example = "nl"))
    @GetMapping("/tables/{question}.csv")
    ResponseEntity<byte[]> tableCsv(@PathVariable String survey, @PathVariable String wave, @PathVariable String question,
                                    @Parameter(hidden = true) Locale locale) {
        Sheet sheet = tableSheets(new WaveId(survey, wave), locale).of(question).get(0);
        return file(csv(sheet), CSV, fileName(survey, wave, question + ".csv"));
    }

    @Operation(summary = "One question's tables as XLSX")
    @Parameter(name = "lang", in = ParameterIn.QUERY, description = LANG, schema = @Schema(type = "string", example = "nl"))
    @GetMapping("/tables/{question}.xlsx")
    ResponseEntity<byte[]> tableXlsx(@PathVariable String survey, @PathVariable String wave, @PathVariable String question,
                                     @Parameter(hidden = true) Locale locale) {
        List<Sheet> sheets = tableSheets(new WaveId(survey, wave), locale).of(question);
        return file(XlsxWriter.write(sheets), XLSX, fileName(survey, wave, question + ".xlsx"));
    }

    static byte[] csv(Sheet sheet) {
        List<List<?>> rows = new ArrayList<>();
        rows.add(sheet.header());
        rows.addAll(sheet.rows());
        return SpreadsheetCsv.write(rows).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A raw-response export ready to stream: its columns fixed, its rows read from the database (a batch at a
     * time) each time they are asked for, so no export holds more than a batch of responses.
     */
    private record Export(String name, Flow flow, ResponseSelection selection, List<ResponseColumns.Column> columns,
                          ResponseReader responses, Pseudonyms pseudonyms) {

        List<String> header() {
            return ResponseColumns.header(columns);
        }

        void forEachRow(Consumer<? super List<Object>> each) {
            responses.forEach(selection,
                    r -> each.accept(ResponseColumns.row(columns, PseudonymousResponse.of(r, flow, pseudonyms))));
        }
    }

    /**
     * Resolves the flow, the filter and the columns (from the flow alone) before anything is written, so that an
     * unknown wave or a bad filter still gets its problem detail.
     */
    private Export export(WaveId wave, ResponseFilter filter, Map<String, String> parameters, Locale requested) {
        Flow flow = results.flow(wave);
        ResponseSelection selection = filter.query(flow, parameters).selection(wave);
        String language = language(flow, requested);
        Locale locale = Locale.forLanguageTag(language);
        ResponseColumns.Labels labels = new ResponseColumns.Labels(text("chosen", locale), text("notChosen", locale),
                text("skipped", locale), text("otherText", locale), text("entry", locale));
        List<ResponseColumns.Column> columns = ResponseColumns.of(flow, labels, language);
        return new Export(wave.survey() + " " + wave.wave(), flow, selection, columns, responses, pseudonyms);
    }

    private TableSheets tableSheets(WaveId wave, Locale requested) {
        Flow flow = results.flow(wave);
        String language = language(flow, requested);
        Locale locale = Locale.forLanguageTag(language);
        return new TableSheets(results, wave, language, key -> text(key, locale));
    }

    /** The language {@link nl.peilbot.system.LanguageResolver} chose when the survey speaks it, else the survey's own. */
    private static String language(Flow flow, Locale requested) {
        String language = requested.getLanguage();
        return flow.languages().contains(language) ? language : flow.defaultLanguage();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage("results.export." + key, null, key, locale);
    }

    private static String fileName(String survey, String wave, String name) {
        return ("peilbot-" + survey + "-" + wave + "-" + name).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /**
     * A download written while it is sent (after every check: once the body is written the status is sent). Spring
     * runs it as an async request, so {@code spring.mvc.async.request-timeout} bounds how long an export may take.
     */
    private static ResponseEntity<StreamingResponseBody> file(StreamingResponseBody content, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(content);
    }

    private static ResponseEntity<byte[]> file(byte[] content, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(content);
    }
}
