package dev.goldsmith.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldsmith.batch.BatchItemRecord;
import dev.goldsmith.batch.BatchRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/** The batch status object of DESIGN §6, written with Jackson. */
final class BatchJson {

    static final ObjectMapper JSON = new ObjectMapper();

    private BatchJson() {
    }

    static ObjectNode status(BatchRecord b) {
        ObjectNode n = JSON.createObjectNode();
        n.put("batch_operation_id", b.id());
        n.put("vault_id", b.vaultId());
        n.put("operation_type", b.operation().wireName());
        n.put("status", b.status().wireName());
        n.put("total_items", b.totalItems());
        n.put("processed_items", b.processedItems());
        n.put("successful_items", b.successfulItems());
        n.put("failed_items", b.failedItems());
        n.put("skipped_items", b.skippedItems());
        n.put("unchanged_items", b.unchangedItems());
        n.put("progress", BigDecimal.valueOf(b.progress()).setScale(1, RoundingMode.HALF_UP).doubleValue());
        n.put("is_complete", b.isComplete());
        n.put("error_message", b.errorMessage());
        n.put("created_at", time(b.createdAt()));
        n.put("updated_at", time(b.updatedAt()));
        n.put("completed_at", time(b.completedAt()));
        n.put("prompt_tokens", b.promptTokens());
        n.put("completion_tokens", b.completionTokens());
        return n;
    }

    static ObjectNode statusWithItems(BatchRecord b, List<BatchItemRecord> items) {
        ObjectNode n = status(b);
        ArrayNode list = n.putArray("items");
        for (BatchItemRecord i : items) {
            ObjectNode o = list.addObject();
            o.put("item_id", i.itemId());
            o.put("status", i.status().wireName());
            o.put("attempts", i.attempts());
            o.put("last_error", i.lastError());
            if (i.httpStatus() == null) {
                o.putNull("http_status");
            } else {
                o.put("http_status", i.httpStatus());
            }
            if (i.latencyMs() == null) {
                o.putNull("latency_ms");
            } else {
                o.put("latency_ms", i.latencyMs());
            }
        }
        return n;
    }

    static ArrayNode history(List<BatchRecord> batches) {
        ArrayNode list = JSON.createArrayNode();
        batches.forEach(b -> list.add(status(b)));
        return list;
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
