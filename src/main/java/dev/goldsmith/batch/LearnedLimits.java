package dev.goldsmith.batch;

/**
 * The rate limit a batch learned while it ran, kept in its {@code metadata} so that a resume starts from it
 * instead of learning again (see {@link BatchSettings#withLearnedLimits}).
 *
 * @param requestsPerMinute the request limit, 0 when none was learned
 * @param tokensPerMinute   the token limit the provider announced, 0 when none
 * @param source            where it came from
 */
public record LearnedLimits(double requestsPerMinute, double tokensPerMinute, Source source) {

    public static final LearnedLimits NONE = new LearnedLimits(0, 0, Source.NONE);

    /** Where a learned limit came from. */
    public enum Source {
        NONE("none"),
        /** The provider's rate-limit headers. */
        PROVIDER("provider"),
        /** The provider's 429s (it announces nothing). */
        RATE_LIMITS("429s");

        private final String wireName;

        Source(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        static Source fromWire(String value) {
            for (Source s : values()) {
                if (s.wireName.equals(value)) {
                    return s;
                }
            }
            return NONE;
        }
    }

    public LearnedLimits {
        requestsPerMinute = Double.isFinite(requestsPerMinute) && requestsPerMinute > 0 ? requestsPerMinute : 0;
        tokensPerMinute = Double.isFinite(tokensPerMinute) && tokensPerMinute > 0 ? tokensPerMinute : 0;
        source = source == null ? Source.NONE : source;
        if (requestsPerMinute == 0 && tokensPerMinute == 0) {
            source = Source.NONE;
        }
    }

    public boolean isEmpty() {
        return source == Source.NONE;
    }

    /** Whether {@code other} differs enough (another source, or a limit 2 % away or more) to be written again. */
    boolean differsFrom(LearnedLimits other) {
        return source != other.source || apart(requestsPerMinute, other.requestsPerMinute)
                || apart(tokensPerMinute, other.tokensPerMinute);
    }

    private static boolean apart(double a, double b) {
        return Math.abs(a - b) > 0.02 * Math.max(a, b);
    }
}
