package dev.goldsmith.ai;

import java.util.Objects;

/**
 * An API key and where it came from, so the settings screen can say "from the environment (GOLDSMITH_API_KEY)"
 * without showing it. {@link #toString()} never prints the value.
 *
 * @param origin the environment variable's name, or "the settings store"
 */
public record ApiKey(String value, Source source, String origin) {

    /** Where a key was found. */
    public enum Source { ENVIRONMENT, SETTINGS }

    public ApiKey {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(origin, "origin");
    }

    /** "the environment variable GOLDSMITH_API_KEY" or "the settings store". */
    public String describeOrigin() {
        return source == Source.ENVIRONMENT ? "the environment variable " + origin : origin;
    }

    /** The key with all but its last four characters hidden, for display: {@code ****abcd}. */
    public String masked() {
        return value.length() <= 8 ? "****" : "****" + value.substring(value.length() - 4);
    }

    @Override
    public String toString() {
        return "ApiKey[value=****, source=" + source + ", origin=" + origin + "]";
    }
}
