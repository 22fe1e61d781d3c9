package nl.peilbot.results;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a sheet as RFC 4180 CSV in UTF-8 with a byte order mark (so spreadsheets detect the encoding), comma
 * separated, every text quoted. Line breaks inside texts become spaces, so that SPSS can read one case per line.
 */
final class CsvWriter {

    private static final Pattern LINE_BREAKS = Pattern.compile("\\R");
    private static final String BOM = "\uFEFF";

    private CsvWriter() {
    }

    static byte[] write(Sheet sheet) {
        StringBuilder csv = new StringBuilder(BOM);
        line(csv, List.copyOf(sheet.header()));
        sheet.rows().forEach(row -> line(csv, row));
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder csv, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            Object value = values.get(i);
            if (value instanceof Number number) {
                csv.append(number);
            } else if (value != null) {
                csv.append('"').append(LINE_BREAKS.matcher(value.toString()).replaceAll(" ").replace("\"", "\"\"")).append('"');
            }
        }
        csv.append("\r\n");
    }
}
