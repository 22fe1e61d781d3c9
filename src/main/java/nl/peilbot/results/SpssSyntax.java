package nl.peilbot.results;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import nl.peilbot.csv.SpreadsheetCsv;

/**
 * An SPSS syntax file that reads the raw-response CSV ({@code GET DATA /TYPE=TXT}) and gives every variable its
 * label (the question text) and every numeric value its label (the option in the flow), so analysts open the data
 * ready for FREQUENCIES and CROSSTABS. Skipped answers ({@value ResponseColumns#SKIPPED}) are declared missing.
 */
final class SpssSyntax {

    private static final int MAX_VARIABLE_LABEL = 250;
    private static final int MAX_VALUE_LABEL = 120;
    private static final int MIN_TEXT_WIDTH = 8;

    private SpssSyntax() {
    }

    /**
     * The widths of the text columns, taken from the rows as they are written (so the CSV itself need not be held):
     * bytes of the longest text in each column as the CSV holds it (defused, line breaks flattened; SPSS string
     * widths count UTF-8 bytes), at least a small minimum.
     */
    static final class TextWidths {

        private final int[] widest;

        TextWidths(int columns) {
            widest = new int[columns];
            Arrays.fill(widest, MIN_TEXT_WIDTH);
        }

        void add(List<?> row) {
            for (int i = 0; i < widest.length; i++) {
                Object value = row.get(i);
                if (value != null) {
                    String text = value instanceof Number ? value.toString() : SpreadsheetCsv.text(value);
                    widest[i] = Math.max(widest[i], text.getBytes(StandardCharsets.UTF_8).length);
                }
            }
        }

        private int of(int column) {
            return Math.min(widest[column], 32767);
        }
    }

    static String of(List<ResponseColumns.Column> columns, TextWidths widths, String csvFile) {
        StringBuilder sps = new StringBuilder();
        sps.append("* Encoding: UTF-8.\n")
                .append("* Reads ").append(csvFile).append(", exported by Peilbot together with this file.\n")
                .append("* Change the path after /FILE to where you saved it.\n")
                .append("GET DATA\n  /TYPE=TXT\n  /FILE='").append(quoted(csvFile)).append("'\n")
                .append("  /ENCODING='UTF8'\n  /DELCASE=LINE\n  /DELIMITERS=\",\"\n  /QUALIFIER='\"'\n")
                .append("  /ARRANGEMENT=DELIMITED\n  /FIRSTCASE=2\n  /VARIABLES=\n");
        for (int i = 0; i < columns.size(); i++) {
            ResponseColumns.Column column = columns.get(i);
            sps.append("    ").append(column.name()).append(' ')
                    .append(column.numeric() ? column.spssFormat() : "A" + widths.of(i)).append('\n');
        }
        sps.append(".\n\nVARIABLE LABELS\n");
        for (int i = 0; i < columns.size(); i++) {
            sps.append(i == 0 ? "  " : "  /").append(columns.get(i).name()).append(" '")
                    .append(quoted(truncate(columns.get(i).label(), MAX_VARIABLE_LABEL))).append("'\n");
        }
        sps.append(".\n");
        List<ResponseColumns.Column> labelled = columns.stream().filter(c -> !c.valueLabels().isEmpty()).toList();
        if (!labelled.isEmpty()) {
            sps.append("\nVALUE LABELS\n");
            for (int i = 0; i < labelled.size(); i++) {
                sps.append(i == 0 ? "  " : "  /").append(labelled.get(i).name());
                for (Map.Entry<Integer, String> label : labelled.get(i).valueLabels().entrySet()) {
                    sps.append(' ').append(label.getKey()).append(" '")
                            .append(quoted(truncate(label.getValue(), MAX_VALUE_LABEL))).append('\'');
                }
                sps.append('\n');
            }
            sps.append(".\n\nMISSING VALUES\n");
            for (int i = 0; i < labelled.size(); i++) {
                sps.append(i == 0 ? "  " : "  /").append(labelled.get(i).name()).append(" (")
                        .append(ResponseColumns.SKIPPED).append(")\n");
            }
            sps.append(".\n");
        }
        return sps.append("\nEXECUTE.\n").toString();
    }

    private static String truncate(String text, int bytes) {
        String flat = text.replaceAll("\\s+", " ").strip();
        while (flat.getBytes(StandardCharsets.UTF_8).length > bytes) {
            flat = flat.substring(0, flat.length() - 1);
        }
        return flat;
    }

    private static String quoted(String text) {
        return text.replace("'", "''");
    }
}
