package dev.goldsmith.vault;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSV vault file of DESIGN §7: header {@code id,type,content,quality_tier,keywords}, keywords joined by
 * {@code ;}, RFC 4180 quoting, UTF-8. The vault itself is not in the file; the caller names it.
 *
 * <p>Reading accepts the columns in any order, {@code type} and {@code content} being required, plus an optional
 * {@code confidence_score} column; keywords are trimmed and empty ones dropped. A missing {@code quality_tier} or
 * {@code keywords} column, and an empty {@code quality_tier} cell, leave that field out ({@link VaultFile#leftOut}):
 * a merge keeps the stored value. Writing refuses keywords that could not come back unchanged (holding {@code ;},
 * blank, or with spaces at either end).
 *
 * <p>Spreadsheet formulas: every cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab, a carriage
 * return or {@code '} is written with a {@code '} in front (OWASP "CSV injection"), so a spreadsheet shows it as
 * text; reading strips exactly that one {@code '} where it stands before one of those characters, so every text
 * comes back as it was.
 */
public final class VaultCsv {

    public static final List<String> HEADER = List.of("id", "type", "content", "quality_tier", "keywords");
    static final List<String> ACCEPTED =
            List.of("id", "type", "content", "quality_tier", "keywords", "confidence_score");

    /** What spreadsheets take as "this cell is text". */
    private static final char GUARD = '\'';

    private static final CsvMapper MAPPER = (CsvMapper) new CsvMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);

    private VaultCsv() {
    }

    /**
     * Reads and checks a whole file into {@code vault}; any problem with its content is a {@link VaultFileException}
     * naming the line. An {@link IOException} is a failure of {@code in} itself (unreadable, or not decodable).
     */
    public static VaultFile read(Reader in, Vault vault) throws IOException {
        List<VaultItem> items = new ArrayList<>();
        VaultFile.LeftOut leftOut = new VaultFile.LeftOut();
        try (MappingIterator<String[]> rows = MAPPER.readerFor(String[].class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY)
                .readValues(Bom.skipped(in))) {
            Map<String, Integer> columns = null;
            Map<String, String> seen = new HashMap<>();
            while (true) {
                int line = rows.getParser().currentLocation().getLineNr();
                String[] row = next(rows, line);
                if (row == null) {
                    break;
                }
                if (row.length == 0 || row.length == 1 && row[0].isEmpty()) {
                    continue;
                }
                if (columns == null) {
                    columns = header(line, row);
                } else {
                    items.add(item(vault.id(), line, row, columns, seen, leftOut));
                }
            }
            if (columns == null) {
                throw new VaultFileException("the file is empty; a CSV vault file starts with the header "
                        + String.join(",", HEADER));
            }
        }
        return new VaultFile(vault, items, leftOut.toMap());
    }

    /** The next record, or {@code null} at the end of the file. */
    private static String[] next(MappingIterator<String[]> rows, int line) throws IOException {
        try {
            return rows.hasNextValue() ? rows.nextValue() : null;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new VaultFileException("malformed CSV in the record starting at line " + line
                    + (at == null ? "" : " (error at line " + at.getLineNr() + ")") + ": "
                    + firstLine(e.getOriginalMessage()), e);
        }
    }

    private static Map<String, Integer> header(int line, String[] row) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < row.length; i++) {
            String name = row[i].trim();
            if (!ACCEPTED.contains(name)) {
                throw new VaultFileException("line " + line + ", header: unknown column " + ItemRules.quote(name)
                        + "; accepted columns are " + String.join(", ", ACCEPTED));
            }
            if (columns.putIfAbsent(name, i) != null) {
                throw new VaultFileException("line " + line + ", header: column '" + name + "' appears twice");
            }
        }
        for (String required : List.of("type", "content")) {
            if (!columns.containsKey(required)) {
                throw new VaultFileException("line " + line + ", header: column '" + required
                        + "' is missing; the header is " + String.join(",", HEADER));
            }
        }
        return columns;
    }

    private static VaultItem item(String vaultId, int line, String[] row, Map<String, Integer> columns,
                                  Map<String, String> seen, VaultFile.LeftOut leftOut) {
        if (row.length != columns.size()) {
            throw new VaultFileException("line " + line + ": " + row.length + " fields where the header has "
                    + columns.size() + "; quote any field that holds a comma, a quote or a line break");
        }
        String rawId = cell(row, columns, "id");
        String here = "line " + line + (rawId == null ? "" : " (id " + ItemRules.quote(rawId) + ")");
        ItemRules.Where where = name -> here + ", " + name;
        String id = ItemRules.id(where, rawId, seen, here);
        ItemType type = ItemRules.type(where, cell(row, columns, "type"));
        String content = ItemRules.content(where, cell(row, columns, "content"));
        String tierCell = cell(row, columns, "quality_tier");
        QualityTier tier = ItemRules.tier(where, tierCell);
        if (tierCell == null) {
            leftOut.add(id, ItemField.QUALITY_TIER);
        }
        if (!columns.containsKey("keywords")) {
            leftOut.add(id, ItemField.KEYWORDS);
        }
        List<String> keywords = splitKeywords(cell(row, columns, "keywords"));
        Double confidence = confidence(where, cell(row, columns, "confidence_score"));
        return new VaultItem(id, vaultId, type, content, tier, keywords, confidence, null, null);
    }

    /** A cell's text without its formula guard, or {@code null} when the column is absent or the cell empty. */
    private static String cell(String[] row, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null || row[index].isEmpty() ? null : unguarded(row[index]);
    }

    /** Whether a spreadsheet could take a cell starting with {@code c} for a formula (or it starts with the guard). */
    private static boolean needsGuard(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == GUARD;
    }

    /**
     * The cell as written: a {@code '} in front of a text a spreadsheet would run as a formula (OWASP CSV injection).
     * Every CSV Goldsmith writes — vault files and History's outcomes — passes its cells through this.
     */
    public static String guarded(String text) {
        return !text.isEmpty() && needsGuard(text.charAt(0)) ? GUARD + text : text;
    }

    /** The text of a cell as read: the one {@code '} that {@link #guarded} put in front is taken off. */
    static String unguarded(String cell) {
        return cell.length() >= 2 && cell.charAt(0) == GUARD && needsGuard(cell.charAt(1)) ? cell.substring(1) : cell;
    }

    private static List<String> splitKeywords(String cell) {
        if (cell == null) {
            return List.of();
        }
        return Arrays.stream(cell.split(";")).map(String::trim).filter(k -> !k.isEmpty()).toList();
    }

    private static Double confidence(ItemRules.Where where, String cell) {
        if (cell == null) {
            return null;
        }
        try {
            return ItemRules.confidence(where, Double.valueOf(cell.trim()), ItemRules.quote(cell));
        } catch (NumberFormatException e) {
            throw new VaultFileException(where.field("confidence_score") + ": " + ItemRules.quote(cell)
                    + " is not a number from 0 to 1", e);
        }
    }

    /** Refuses items whose keywords a CSV file cannot carry unchanged. Call before writing anything. */
    public static void checkWritable(List<VaultItem> items) {
        for (VaultItem item : items) {
            for (String k : item.keywords()) {
                String problem = k.contains(";") ? "holds ';', which separates keywords in CSV"
                        : k.isBlank() ? "is blank"
                        : !k.equals(k.trim()) ? "has spaces at an end, which CSV import trims" : null;
                if (problem != null) {
                    throw new VaultFileException("item " + ItemRules.quote(item.id()) + ", keyword "
                            + ItemRules.quote(k) + ": " + problem + "; export as JSON to keep it exactly");
                }
            }
        }
    }

    /** Writes the header and one row per item (CRLF line ends, quoting only where needed, formula-like cells guarded). */
    public static void write(List<VaultItem> items, Writer out) {
        checkWritable(items);
        CsvSchema schema = CsvSchema.emptySchema().withLineSeparator("\r\n");
        try (SequenceWriter rows = MAPPER.writerFor(String[].class).with(schema).writeValues(out)) {
            rows.write(HEADER.toArray(String[]::new));
            for (VaultItem item : items) {
                rows.write(new String[] {guarded(item.id()), item.type().wireName(), guarded(item.content()),
                        item.tier().wireName(), guarded(String.join(";", item.keywords()))});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
