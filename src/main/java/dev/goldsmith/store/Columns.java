package dev.goldsmith.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/**
 * Conversions between Java values and the columns of the schema: times are written as ISO-8601 text (SQLite keeps it
 * so; PostgreSQL types it into timestamptz), lists as JSON (PostgreSQL: jsonb).
 */
public final class Columns {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private Columns() {
    }

    /**
     * A time as stored: ISO-8601, to the microsecond — what PostgreSQL's timestamptz holds — so that the same time reads
     * back the same from either store (and a copy from one to the other changes nothing).
     */
    public static String time(Instant instant) {
        return instant == null ? null : instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString();
    }

    public static Instant time(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant(); // PostgreSQL's timestamptz
        }
        if (value instanceof java.time.OffsetDateTime t) {
            return t.toInstant();
        }
        return value == null ? null : Instant.parse(value.toString());
    }

    public static String keywords(List<String> keywords) {
        try {
            return JSON.writeValueAsString(keywords == null ? List.of() : keywords);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("keywords cannot be written as JSON", e);
        }
    }

    public static List<String> keywords(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(value, STRINGS);
        } catch (JsonProcessingException e) {
            throw new SQLException("column " + column + " holds malformed JSON", e);
        }
    }

    public static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    public static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    public static void setNullableDouble(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.REAL);
        } else {
            ps.setDouble(index, value);
        }
    }

    public static void setNullableInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }
}
