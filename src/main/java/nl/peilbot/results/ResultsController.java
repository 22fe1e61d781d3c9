package nl.peilbot.results;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.peilbot.aggregation.CountedFieldTable;
import nl.peilbot.aggregation.CrossTab;
import nl.peilbot.aggregation.Distribution;
import nl.peilbot.aggregation.Overview;
import nl.peilbot.aggregation.Results;
import nl.peilbot.aggregation.Unit;
import nl.peilbot.aggregation.UnitCombinations;
import nl.peilbot.aggregation.NumberTable;
import nl.peilbot.aggregation.RatingTable;
import nl.peilbot.aggregation.WaveId;
import nl.peilbot.flow.Flow;
import nl.peilbot.response.ResponseReader;

/** The analysts' REST API: waves, questions, tables, cross-tabs, coding, wave comparison and raw responses. */
@RestController
@RequestMapping("/api/results")
@Tag(name = "results", description = "The survey's results for analysts (role ANALYST)")
class ResultsController {

    private static final int MAX_PAGE = 500;
    /** A wave in {@code compare}: survey, a slash, wave (the last slash splits them; neither side empty). */
    private static final String WAVE_PATTERN = "^.+/.*[^/]$";

    private final Results results;
    private final Pseudonyms pseudonyms;
    private final FilteredCrossTabs filtered;
    private final ResponseReader responses;

    ResultsController(Results results, Pseudonyms pseudonyms, FilteredCrossTabs filtered, ResponseReader responses) {
        this.results = results;
        this.pseudonyms = pseudonyms;
        this.filtered = filtered;
        this.responses = responses;
    }

    @Operation(summary = "The waves that have results, with respondents and units of analysis")
    @GetMapping("/waves")
    List<Views.Wave> waves() {
        return results.waves().stream().map(w -> Views.Wave.of(results.overview(w))).toList();
    }

    @Operation(summary = "A wave's respondents, units of analysis and questions in flow order")
    @GetMapping("/{survey}/{wave}")
    Overview overview(@PathVariable String survey, @PathVariable String wave) {
        return results.overview(new WaveId(survey, wave));
    }

    @Operation(summary = "Every table of a wave at once (what the results page draws), read from one version of the results")
    @GetMapping("/{survey}/{wave}/report")
    Views.ReportView report(@PathVariable String survey, @PathVariable String wave) {
        WaveId id = new WaveId(survey, wave);
        return Views.ReportView.of(results.report(id), results.flow(id), pseudonyms);
    }

    @Operation(summary = "One choice question: per option the respondents (or units of analysis) that chose it")
    @GetMapping("/{survey}/{wave}/questions/{question}")
    Views.DistributionView distribution(@PathVariable String survey, @PathVariable String wave,
                                        @PathVariable String question,
                                        @Parameter(schema = @Schema(allowableValues = {"respondents", "units"}))
                                        @RequestParam(defaultValue = "respondents") String unit) {
        WaveId id = new WaveId(survey, wave);
        Distribution distribution = results.distribution(id, question, unit(unit));
        return Views.DistributionView.of(distribution, results.flow(id).step(question).orElseThrow(), pseudonyms);
    }

    @Operation(summary = "Units of analysis (the flow's analysis.unit) by the combination of options their respondents chose")
    @GetMapping("/{survey}/{wave}/questions/{question}/units")
    UnitCombinations units(@PathVariable String survey, @PathVariable String wave, @PathVariable String question) {
        return results.unitCombinations(new WaveId(survey, wave), question);
    }

    @Operation(summary = "An open question's answers coded into categories; uncoded answers with suggestions")
    @GetMapping("/{survey}/{wave}/questions/{question}/coded")
    Views.CodedView coded(@PathVariable String survey, @PathVariable String wave, @PathVariable String question,
                          @RequestParam(required = false) String part) {
        return Views.CodedView.of(results.coded(new WaveId(survey, wave), question, part), pseudonyms);
    }

    @Operation(summary = "Assigns categories to one respondent's open answer (an empty list uncodes it)")
    @PutMapping("/{survey}/{wave}/questions/{question}/codings/{respondent}")
    ResponseEntity<Void> code(@PathVariable String survey, @PathVariable String wave, @PathVariable String question,
                              @PathVariable String respondent, @RequestParam(required = false) String part,
                              @RequestBody Views.CodingRequest coding) {
        WaveId id = new WaveId(survey, wave);
        List<String> categories = coding == null || coding.categories() == null ? List.of() : coding.categories();
        results.code(id, pseudonyms.responseId(id, respondent), question, part, categories);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "An open-list question's entries by the flow's counted field (analysis.counted)")
    @GetMapping("/{survey}/{wave}/questions/{question}/counted")
    CountedFieldTable counted(@PathVariable String survey, @PathVariable String wave, @PathVariable String question) {
        return results.counted(new WaveId(survey, wave), question);
    }

    @Operation(summary = "A rating question: respondents per point, mean, top scores and (0-10) the Net Promoter split")
    @GetMapping("/{survey}/{wave}/questions/{question}/rating")
    RatingTable rating(@PathVariable String survey, @PathVariable String wave, @PathVariable String question) {
        return results.rating(new WaveId(survey, wave), question);
    }

    @Operation(summary = "A number question: answers, mean, lowest, quartiles, median and highest")
    @GetMapping("/{survey}/{wave}/questions/{question}/number")
    NumberTable number(@PathVariable String survey, @PathVariable String wave, @PathVariable String question) {
        return results.number(new WaveId(survey, wave), question);
    }

    @Operation(summary = "Respondents by two choice questions (dimensions included), optionally filtered with filter.<dimension or question>=<code>")
    @GetMapping("/{survey}/{wave}/crosstab")
    CrossTab crossTab(@PathVariable String survey, @PathVariable String wave, @RequestParam String row,
                      @RequestParam String column, @ParameterObject ResponseFilter filter,
                      @Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        WaveId id = new WaveId(survey, wave);
        ResponseQuery query = filter.query(results.flow(id), parameters);
        if (query.unfiltered()) {
            return results.crossTab(id, row, column);
        }
        return filtered.crossTab(id, results.flow(id), row, column, query);
    }

    @Operation(summary = "The same question in several waves by code (options, rating points, coding categories, counted-field rows), e.g. wave=ai-in-hospitals-2020/2020&wave=ai-in-hospitals-2021/2021",
            description = "A wave known only by its published figures (conversation-flows/published/<survey>.yaml) is read from them: its side has source \"published\" and the publication, its base is the published base, and an option it did not publish has a null count and percent in perWave (unknown, not zero). Published figures are choice questions only, per respondent or per unit as entered.")
    @GetMapping("/compare")
    Views.ComparisonView compare(@RequestParam String question,
                           @Parameter(schema = @Schema(allowableValues = {"respondents", "units"}))
                           @RequestParam(defaultValue = "respondents") String unit,
                           @Parameter(description = "survey/wave", array = @ArraySchema(schema = @Schema(pattern = WAVE_PATTERN)))
                           @RequestParam("wave") List<String> waves) {
        if (waves.isEmpty()) {
            // `wave=` with nothing after it binds as an empty list, which would compare nothing and answer 200.
            throw new IllegalArgumentException("give at least one wave=survey/wave, e.g. wave=ai-in-hospitals-2020/2020");
        }
        List<WaveId> ids = waves.stream().map(ResultsController::waveId).toList();
        return Views.ComparisonView.of(results.compare(question, unit(unit), ids));
    }

    @Operation(summary = "Raw responses, pseudonymised, in pages (status completed or all; channel; filter.<dimension or question>=<code>)")
    @GetMapping("/{survey}/{wave}/responses")
    Views.ResponsePage responses(@PathVariable String survey, @PathVariable String wave,
                                 @ParameterObject ResponseFilter filter,
                                 @Parameter(hidden = true) @RequestParam Map<String, String> parameters,
                                 @Parameter(schema = @Schema(type = "integer", format = "int32", minimum = "0", defaultValue = "0"))
                                 @RequestParam(defaultValue = "0") int skip,
                                 @Parameter(schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "" + MAX_PAGE, defaultValue = "100"))
                                 @RequestParam(defaultValue = "100") int limit) {
        WaveId id = new WaveId(survey, wave);
        Flow flow = results.flow(id);
        ResponseQuery query = filter.query(flow, parameters);
        if (skip < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("skip must be 0 or more and limit between 1 and " + MAX_PAGE);
        }
        List<PseudonymousResponse> page = responses.page(query.selection(id), skip, limit).stream()
                .map(r -> PseudonymousResponse.of(r, flow, pseudonyms)).toList();
        return new Views.ResponsePage(responses.count(query.selection(id)), skip, limit, page);
    }

    static Unit unit(String unit) {
        try {
            return Unit.valueOf(unit.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unit must be 'respondents' or 'units', not '" + unit + "'");
        }
    }

    private static WaveId waveId(String text) {
        int slash = text.lastIndexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            throw new IllegalArgumentException("a wave is survey/wave, e.g. ai-in-hospitals-2020/2020, not '" + text + "'");
        }
        return new WaveId(text.substring(0, slash), text.substring(slash + 1));
    }
}
