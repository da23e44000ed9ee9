package dev.goldsmith.ai;

/**
 * What a chat-completions request asks of the answer's shape ({@code response_format}), from the strictest down:
 * the operation's JSON schema (structured outputs), any JSON object (JSON mode), or nothing (the prompt alone asks
 * for JSON, and the parser finds it in plain text). A server that refuses one is asked with the next
 * ({@link #fallback}).
 */
enum ResponseFormat {
    /** {@code {"type": "json_schema", "json_schema": {"name", "strict": true, "schema"}}}: structured outputs. */
    JSON_SCHEMA("json_schema"),
    /** {@code {"type": "json_object"}}: JSON mode. */
    JSON_OBJECT("json_object"),
    /** No {@code response_format} at all. */
    NONE("none");

    private final String wireName;

    ResponseFormat(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    /** The next format to try when a server refuses this one; {@link #NONE} is the last. */
    ResponseFormat fallback() {
        return switch (this) {
            case JSON_SCHEMA -> JSON_OBJECT;
            case JSON_OBJECT, NONE -> NONE;
        };
    }

    /**
     * Whether an answer refuses the {@code response_format} it was sent with: a {@code 400} (or {@code 422}, the
     * validation error of FastAPI-based servers) whose body names {@code response_format}, {@code json_schema} or
     * {@code json_object} — OpenAI's "'response_format' of type 'json_schema' is not supported with this model",
     * Groq's, Azure's for an older api-version, LM Studio's "'response_format.type' must be 'json_schema' or 'text'".
     */
    static boolean refused(int status, String body) {
        return (status == 400 || status == 422) && body != null
                && (body.contains("response_format") || body.contains("json_schema") || body.contains("json_object"));
    }
}
