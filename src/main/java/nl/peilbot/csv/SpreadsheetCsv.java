package nl.peilbot.csv;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

/**
 * CSV as spreadsheets read and write it (RFC 4180, UTF-8 with a byte order mark so the encoding is detected, a field
 * quoted when it holds a separator, quote or line break).
 *
 * <p>Writing defuses formulas: a text a spreadsheet would evaluate ({@code =}, {@code +}, {@code -}, {@code @}, also
 * after leading blanks or control characters that a spreadsheet strips, and their full-width forms) gets a leading
 * apostrophe, so it shows as the text it is. Numbers ({@link Number} values) are written as numbers and never
 * changed. Line breaks inside texts become spaces, so that tools reading one case per line (SPSS) stay in step.
 *
 * <p>Reading accepts comma or semicolon separated files (whichever the header line uses more), quoted fields with
 * separators, doubled quotes and line breaks, and reports every record with the line it starts on.
 */
public final class SpreadsheetCsv {

    /** The byte order mark written before the header, and skipped when reading. */
    public static final String BOM = "\uFEFF";

    private static final Pattern LINE_BREAKS = Pattern.compile("\\R");
    private static final String FORMULA_STARTS = "=+-@\uFF1D\uFF0B\uFF0D\uFF20";

    private static final CSVFormat WRITE = CSVFormat.RFC4180.builder()
            .setQuoteMode(QuoteMode.MINIMAL)
            .setRecordSeparator("\r\n")
            .get();

    private SpreadsheetCsv() {
    }

    /**
     * The CSV of {@code rows} (the header first), with a byte order mark. Values are {@link Number}s (written
     * as they are), null (an empty cell) or anything else (written as its text, quoted and defused).
     */
    public static String write(List<? extends List<?>> rows) {
        StringBuilder csv = new StringBuilder();
        try (RowWriter writer = writer(csv)) {
            rows.forEach(writer::row);
        }
        return csv.toString();
    }

    /**
     * A writer of CSV rows to {@code out}, one at a time, for files too big to hold: the same text as
     * {@link #write}, the byte order mark written at once. Closing it flushes and closes {@code out}.
     */
    public static RowWriter writer(Appendable out) {
        try {
            out.append(BOM);
            return new RowWriter(new CSVPrinter(out, WRITE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes rows as {@link #write} does, as they come; failures of the output as {@link UncheckedIOException}. */
    public static final class RowWriter implements AutoCloseable {

        private final CSVPrinter printer;

        private RowWriter(CSVPrinter printer) {
            this.printer = printer;
        }

        /** One row: {@link Number}s as they are, null as an empty cell, anything else as its text, defused. */
        public void row(List<?> values) {
            try {
                for (Object value : values) {
                    printer.print(value == null || value instanceof Number ? value : text(value));
                }
                printer.println();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                printer.close(true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The text a value other than a number is written as, before quoting: line breaks as spaces, defused. What a
     * reader of the file (SPSS sizing its string variables) finds in the cell.
     */
    public static String text(Object value) {
        return defuse(LINE_BREAKS.matcher(value.toString()).replaceAll(" "));
    }

    /** {@code text} as a spreadsheet shows it literally: with a leading apostrophe when it would start a formula. */
    public static String defuse(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (FORMULA_STARTS.indexOf(c) >= 0) {
                return "'" + text;
            }
            if (!Character.isWhitespace(c) && !Character.isISOControl(c) && !Character.isSpaceChar(c)) {
                return text;
            }
        }
        return text;
    }

    /**
     * The records of {@code text}, blank ones left out, each with the line it starts on (from 1).
     *
     * @throws MalformedCsvException when a quoted field is not closed or text follows a closing quote
     */
    public static List<Line> read(String text) {
        String body = text.startsWith(BOM) ? text.substring(1) : text;
        int firstBreak = body.indexOf('\n');
        String header = firstBreak < 0 ? body : body.substring(0, firstBreak);
        char separator = count(header, ';') > count(header, ',') ? ';' : ',';
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).setIgnoreEmptyLines(false).get();
        List<Line> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                long start = parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new MalformedCsvException(start);
                }
                Line line = new Line(start, record.toList());
                if (!line.blank()) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a StringReader does not fail", e);
        }
        return lines;
    }

    /** One record read: the line it starts on and its fields. */
    public record Line(long number, List<String> fields) {

        public Line {
            fields = List.copyOf(fields);
        }

        /** Whether every field is blank. */
        public boolean blank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    /** A file that is not CSV: a quoted field is not closed, or text follows a closing quote. */
    public static final class MalformedCsvException extends RuntimeException {

        private final long line;

        MalformedCsvException(long line) {
            super("malformed CSV in the record starting on line " + line);
            this.line = line;
        }

        /** The line the broken record starts on. */
        public long line() {
            return line;
        }
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }
}
