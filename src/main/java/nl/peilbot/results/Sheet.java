package nl.peilbot.results;

import java.util.List;

/**
 * One table to export: a name (the XLSX sheet), a header row and rows of values ({@link Number} for numbers,
 * {@link String} for text, null for an empty cell).
 */
record Sheet(String name, List<String> header, List<List<Object>> rows) {

    Sheet {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }
}
