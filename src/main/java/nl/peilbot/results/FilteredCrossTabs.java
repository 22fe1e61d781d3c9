package nl.peilbot.results;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import nl.peilbot.aggregation.CrossTab;
import nl.peilbot.aggregation.UnknownResultException;
import nl.peilbot.aggregation.WaveId;
import nl.peilbot.flow.AnswerOption;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Question;
import nl.peilbot.response.RecordedAnswer;
import nl.peilbot.response.ResponseReader;
import nl.peilbot.response.ResponseView;

/**
 * Cross-tabs the materialised results cannot answer (a role, hospital type or channel filter, or in-progress
 * responses too), counted in Java over the matching raw responses with the aggregation's rules: the base is the
 * respondents who answered both questions, margins and cells count respondents, cell percentages are of the row.
 */
@Component
class FilteredCrossTabs {

    private final ResponseReader responses;

    FilteredCrossTabs(ResponseReader responses) {
        this.responses = responses;
    }

    CrossTab crossTab(WaveId wave, Flow flow, String rowQuestion, String columnQuestion, ResponseQuery query) {
        Question row = choiceQuestion(wave, flow, rowQuestion);
        Question column = choiceQuestion(wave, flow, columnQuestion);
        if (row.id().equals(column.id())) {
            throw new UnknownResultException("a cross-tab needs two different questions");
        }
        int[] base = {0};
        Map<String, Integer> rowTotals = new TreeMap<>();
        Map<String, Integer> columnTotals = new TreeMap<>();
        Map<String, Integer> cells = new TreeMap<>();
        responses.forEach(query.selection(wave), response -> {
            Set<String> rowCodes = codes(response, row.id());
            Set<String> columnCodes = codes(response, column.id());
            if (rowCodes.isEmpty() || columnCodes.isEmpty()) {
                return;
            }
            base[0]++;
            rowCodes.forEach(r -> rowTotals.merge(r, 1, Integer::sum));
            columnCodes.forEach(c -> columnTotals.merge(c, 1, Integer::sum));
            rowCodes.forEach(r -> columnCodes.forEach(c -> cells.merge(r + "/" + c, 1, Integer::sum)));
        });
        List<String> columnOrder = order(column, columnTotals.keySet());
        List<CrossTab.Column> columns = columnOrder.stream()
                .map(c -> new CrossTab.Column(c, label(flow, column, c), columnTotals.getOrDefault(c, 0))).toList();
        List<CrossTab.Row> rows = new ArrayList<>();
        for (String r : order(row, rowTotals.keySet())) {
            int total = rowTotals.getOrDefault(r, 0);
            List<CrossTab.Cell> rowCells = columnOrder.stream().map(c -> {
                int count = cells.getOrDefault(r + "/" + c, 0);
                return new CrossTab.Cell(c, count, WholePercent.of(count, total));
            }).toList();
            rows.add(new CrossTab.Row(r, label(flow, row, r), total, rowCells));
        }
        return new CrossTab(wave, row.id(), column.id(), base[0], columns, rows);
    }

    private static Question choiceQuestion(WaveId wave, Flow flow, String id) {
        return flow.step(id).filter(q -> q.kind().isChoice()).orElseThrow(() ->
                new UnknownResultException("no choice question '" + id + "' in " + wave.survey() + "/" + wave.wave()));
    }

    private static Set<String> codes(ResponseView response, String questionId) {
        return response.answer(questionId).filter(RecordedAnswer::chosen)
                .<Set<String>>map(answer -> new LinkedHashSet<>(answer.codes())).orElse(Set.of());
    }

    /** The flow's options in order, then codes found that it no longer has, sorted, as the aggregation does. */
    private static List<String> order(Question question, Set<String> found) {
        List<String> codes = new ArrayList<>(question.options().stream().map(AnswerOption::code).toList());
        found.stream().filter(c -> !codes.contains(c)).sorted().forEach(codes::add);
        return codes;
    }

    private static String label(Flow flow, Question question, String code) {
        return question.option(code).map(o -> o.label().in(flow.defaultLanguage())).orElse(code);
    }
}
