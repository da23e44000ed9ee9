package dev.goldsmith.ui.history;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.goldsmith.vault.VaultCsv;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a batch's item outcomes, with before and after text, as RFC 4180 CSV with a header row. Text cells that a
 * spreadsheet would run as a formula get the same {@code '} guard as vault files ({@link VaultCsv#guarded}).
 */
final class OutcomeCsv {

    static final List<String> HEADER = List.of("batch_id", "position", "item_id", "status", "attempts", "http_status",
            "error", "before", "after");

    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).build();
    private static final CsvSchema SCHEMA = MAPPER.schemaFor(Line.class).withHeader().withLineSeparator("\r\n");

    private OutcomeCsv() {
    }

    @JsonPropertyOrder({"batch_id", "position", "item_id", "status", "attempts", "http_status", "error", "before",
            "after"})
    private record Line(@JsonProperty("batch_id") String batchId, int position,
                        @JsonProperty("item_id") String itemId, String status,
                        int attempts, @JsonProperty("http_status") Integer httpStatus,
                        String error, String before, String after) {
    }

    static void write(String batchId, List<OutcomeRow> rows, Writer out) throws IOException {
        List<Line> lines = rows.stream().map(r -> new Line(cell(batchId), r.position(), cell(r.itemId()),
                r.status().wireName(), r.attempts(), r.httpStatus(), cell(r.error()), cell(r.before()),
                cell(r.after()))).toList();
        MAPPER.writer(SCHEMA).writeValue(out, lines);
    }

    private static String cell(String text) {
        return text == null ? null : VaultCsv.guarded(text);
    }
}
