package dev.goldsmith.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goldsmith.ai.Operation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How the recent calls of one provider and model went, from {@code batch_items}: what an estimate takes instead of an
 * assumption where there is history.
 *
 * @param calls                answers counted (succeeded or unchanged)
 * @param averageLatencyMs     their average latency (dispatch of the last attempt to answer)
 * @param callsWithUsage       the answers among them that reported token usage
 * @param averageCompletionTokens the average completion tokens of those
 */
public record CallHistory(int calls, double averageLatencyMs, int callsWithUsage, double averageCompletionTokens) {

    public static final CallHistory NONE = new CallHistory(0, 0, 0, 0);

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * How the recent calls of one provider and model for an operation went: the answers (succeeded or unchanged) of
     * the newest batches that ran with them, newest first, at most {@code limit} of them.
     */
    static CallHistory read(Connection c, String provider, String model, Operation operation, int limit) throws SQLException {
        List<String> batches = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, metadata FROM batch_operations"
                + " WHERE operation_type = ? AND successful_items > 0 ORDER BY created_at DESC LIMIT 100")) {
            ps.setString(1, operation.wireName());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JsonNode m = metadata(rs.getString("metadata"));
                    if (provider.equals(m.path("provider").asText(null)) && model != null
                            && model.equals(m.path("model").asText(null))) {
                        batches.add(rs.getString("id"));
                    }
                }
            }
        }
        if (batches.isEmpty()) {
            return CallHistory.NONE;
        }
        long calls = 0;
        long latencyMs = 0;
        long withUsage = 0;
        long completionTokens = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT completion_tokens, latency_ms FROM batch_items"
                + " WHERE batch_operation_id IN (" + String.join(", ", Collections.nCopies(batches.size(), "?")) + ")"
                + " AND status IN ('succeeded', 'unchanged') AND latency_ms IS NOT NULL"
                + " ORDER BY finished_at DESC LIMIT " + Math.max(1, limit))) {
            for (int i = 0; i < batches.size(); i++) {
                ps.setString(i + 1, batches.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    calls++;
                    latencyMs += rs.getLong("latency_ms");
                    long tokens = rs.getLong("completion_tokens");
                    if (tokens > 0) {
                        withUsage++;
                        completionTokens += tokens;
                    }
                }
            }
        }
        return new CallHistory((int) calls, calls == 0 ? 0 : (double) latencyMs / calls, (int) withUsage,
                withUsage == 0 ? 0 : (double) completionTokens / withUsage);
    }

    private static JsonNode metadata(String text) {
        try {
            return JSON.readTree(text == null || text.isBlank() ? "{}" : text);
        } catch (java.io.IOException e) {
            return JSON.createObjectNode(); // a hand-edited batch: it says nothing about its provider
        }
    }
}
