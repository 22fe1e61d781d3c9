package nl.peilbot.results;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes sheets as a minimal Office Open XML workbook (.xlsx): numbers as numbers, texts as inline strings, the
 * header row bold and frozen. Hand-written rather than Apache POI because these flat tables need only the five
 * standard parts of the format, and POI with its XML beans would add some 20 MB to the application.
 */
final class XlsxWriter {

    private static final int MAX_SHEET_NAME = 31;

    private XlsxWriter() {
    }

    /**
     * A sheet whose rows are handed over one at a time (to the consumer {@code rows} is given), so that a sheet
     * of any length is written without being held.
     */
    record Streamed(String name, List<String> header, Consumer<Consumer<List<?>>> rows) {
    }

    static byte[] write(List<Sheet> sheets) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(bytes, sheets.stream().map(s -> new Streamed(s.name(), s.header(), row -> s.rows().forEach(row))).toList());
        return bytes.toByteArray();
    }

    /**
     * Writes the workbook of {@code sheets} to {@code out}, each row as it comes, and closes {@code out}; failures
     * of the output as {@link UncheckedIOException}.
     */
    static void write(OutputStream out, List<Streamed> sheets) {
        List<String> names = sheetNames(sheets);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "[Content_Types].xml", contentTypes(sheets.size()));
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                    </Relationships>""");
            entry(zip, "xl/workbook.xml", workbook(names));
            entry(zip, "xl/_rels/workbook.xml.rels", workbookRelations(sheets.size()));
            entry(zip, "xl/styles.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
                    <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
                    <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
                    <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
                    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
                    <cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
                    <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
                    </styleSheet>""");
            for (int i = 0; i < sheets.size(); i++) {
                zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + (i + 1) + ".xml"));
                Writer xml = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8));
                worksheet(xml, sheets.get(i));
                xml.flush();
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String contentTypes(int sheets) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""");
        for (int i = 1; i <= sheets; i++) {
            xml.append("<Override PartName=\"/xl/worksheets/sheet").append(i)
                    .append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }
        return xml.append("</Types>").toString();
    }

    private static String workbook(List<String> names) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>""");
        for (int i = 0; i < names.size(); i++) {
            xml.append("<sheet name=\"").append(escape(names.get(i))).append("\" sheetId=\"").append(i + 1)
                    .append("\" r:id=\"rId").append(i + 1).append("\"/>");
        }
        return xml.append("</sheets></workbook>").toString();
    }

    private static String workbookRelations(int sheets) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""");
        for (int i = 1; i <= sheets; i++) {
            xml.append("<Relationship Id=\"rId").append(i)
                    .append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet")
                    .append(i).append(".xml\"/>");
        }
        int styles = sheets + 1;
        xml.append("<Relationship Id=\"rId").append(styles)
                .append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>");
        return xml.append("</Relationships>").toString();
    }

    private static void worksheet(Writer out, Streamed sheet) throws IOException {
        out.write("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
                <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>\
                </sheetView></sheetViews><sheetData>""");
        StringBuilder xml = new StringBuilder();
        row(xml, 1, List.copyOf(sheet.header()), true);
        out.append(xml);
        int[] number = {1};
        sheet.rows().accept(values -> {
            xml.setLength(0);
            row(xml, ++number[0], values, false);
            try {
                out.append(xml);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.write("</sheetData></worksheet>");
    }

    private static void row(StringBuilder xml, int number, List<?> values, boolean header) {
        xml.append("<row r=\"").append(number).append("\">");
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value == null) {
                continue;
            }
            String ref = column(c) + number;
            String style = header ? " s=\"1\"" : "";
            if (value instanceof Number n) {
                xml.append("<c r=\"").append(ref).append('"').append(style).append("><v>").append(n).append("</v></c>");
            } else {
                xml.append("<c r=\"").append(ref).append('"').append(style).append(" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
                        .append(escape(value.toString())).append("</t></is></c>");
            }
        }
        xml.append("</row>");
    }

    /** A, B, …, Z, AA, AB, …: the column letters of a 0-based index. */
    static String column(int index) {
        StringBuilder letters = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            letters.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return letters.toString();
    }

    /** Sheet names: at most 31 characters, none of {@code []:*?/\}, unique ignoring case. */
    private static List<String> sheetNames(List<Streamed> sheets) {
        Set<String> used = new HashSet<>();
        return sheets.stream().map(sheet -> {
            String base = sheet.name().replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
            base = base.isEmpty() ? "Sheet" : base;
            String name = base.substring(0, Math.min(MAX_SHEET_NAME, base.length()));
            for (int n = 2; !used.add(name.toLowerCase(Locale.ROOT)); n++) {
                String suffix = " " + n;
                name = base.substring(0, Math.min(MAX_SHEET_NAME - suffix.length(), base.length())) + suffix;
            }
            return name;
        }).toList();
    }

    /**
     * XML text: markup characters escaped, characters XML 1.0 cannot hold left out, line breaks as the single
     * line feed Excel uses inside a cell (an XML reader would turn a carriage return into one anyway).
     */
    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.replace("\r\n", "\n").replace('\r', '\n').codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                default -> {
                    if (cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF)) {
                        escaped.appendCodePoint(cp);
                    }
                }
            }
        });
        return escaped.toString();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
