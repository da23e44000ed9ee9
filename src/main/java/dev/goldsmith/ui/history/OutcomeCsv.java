package dev.goldsmith.ui.history;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes a batch's item outcomes, with before and after text, as RFC 4180 CSV with a header row. */
final class OutcomeCsv {

    static final List<String> HEADER = List.of("batch_id", "position", "item_id", "status", "attempts", "http_status",
            "error", "before", "after");

    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
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
        List<Line> lines = rows.stream().map(r -> new Line(batchId, r.position(), r.itemId(), r.status().wireName(),
                r.attempts(), r.httpStatus(), r.error(), r.before(), r.after())).toList();
        MAPPER.writer(SCHEMA).writeValue(out, lines);
    }
}
