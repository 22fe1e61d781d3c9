package nl.peilbot.aggregation;

import java.util.List;

/**
 * Respondents by their answers to two choice questions (a profile field such as role or hospital type, or any
 * other choice question).
 *
 * @param base    respondents who answered both
 * @param columns the column question's options with their totals among the base
 * @param rows    the row question's options, each with its total and a cell per column option
 */
public record CrossTab(WaveId wave, String rowQuestion, String columnQuestion, int base, List<Column> columns,
                       List<Row> rows) {

    public CrossTab {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public record Column(String code, String label, int count) {
    }

    /** One row option; cell percentages are of the row's count. */
    public record Row(String code, String label, int count, List<Cell> cells) {
    }

    public record Cell(String code, int count, int percent) {
    }

    public int count(String rowCode, String columnCode) {
        return rows.stream().filter(r -> r.code().equals(rowCode)).flatMap(r -> r.cells().stream())
                .filter(c -> c.code().equals(columnCode)).mapToInt(Cell::count).sum();
    }
}
