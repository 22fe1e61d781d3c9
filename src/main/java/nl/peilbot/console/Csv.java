package nl.peilbot.console;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the CSV of spreadsheets: comma or semicolon separated (whichever the header uses), fields in
 * double quotes may hold separators, quotes ("") and line breaks.
 */
final class Csv {

    private Csv() {
    }

    /** The records of {@code text}, each with the line number it starts on (from 1). */
    static List<Line> parse(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int firstBreak = body.indexOf('\n');
        String header = firstBreak < 0 ? body : body.substring(0, firstBreak);
        char separator = count(header, ';') > count(header, ',') ? ';' : ',';
        List<Line> lines = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                add(lines, recordLine, fields);
                fields = new ArrayList<>();
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            add(lines, recordLine, fields);
        }
        return lines;
    }

    /** One CSV row, separated by commas, each field quoted when it needs to be. */
    static String row(List<String> fields) {
        List<String> quoted = new ArrayList<>();
        for (String field : fields) {
            String value = field == null ? "" : field;
            // A leading =, +, - or @ would make a spreadsheet run it as a formula.
            if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) {
                value = "'" + value;
            }
            quoted.add(value.matches(".*[\",;\\r\\n].*") ? "\"" + value.replace("\"", "\"\"") + "\"" : value);
        }
        return String.join(",", quoted) + "\r\n";
    }

    record Line(int number, List<String> fields) {

        boolean blank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    private static void add(List<Line> lines, int number, List<String> fields) {
        Line record = new Line(number, List.copyOf(fields));
        if (!record.blank()) {
            lines.add(record);
        }
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }
}
