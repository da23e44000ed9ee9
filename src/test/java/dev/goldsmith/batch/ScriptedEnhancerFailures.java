package dev.goldsmith.batch;

import dev.goldsmith.ai.EnhanceResult;
import dev.goldsmith.ai.FailureKind;
import dev.goldsmith.ai.Usage;
import java.time.Duration;
import java.util.Optional;

/** Scripted 429 answers. */
final class ScriptedEnhancerFailures {
    private ScriptedEnhancerFailures() {
    }

    static EnhanceResult rateLimited(Duration retryAfter) {
        return new EnhanceResult.Failure(FailureKind.RATE_LIMITED, "Rate limited by the provider (429).", 429,
                Optional.ofNullable(retryAfter), Usage.NONE, Duration.ZERO);
    }
}
