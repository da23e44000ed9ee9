package dev.goldsmith.ai;

import dev.goldsmith.ai.EnhanceResult.Failure;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;

/**
 * Classifies what went wrong with one call (DESIGN §4, §5): {@code UNREACHABLE} for a server that cannot be reached
 * (refused, unknown host, TLS); {@code RETRYABLE} for other connection errors, timeouts,
 * 408, 409, 425, 5xx and rejected answers; {@code RATE_LIMITED} for 429 with the wait asked for;
 * {@code FATAL} for 401, 403, a model that does not exist (404, or the code {@code model_not_found}) and an account
 * out of credit; {@code PERMANENT} for any other 4xx or an unexpected status. An error code that says more than the
 * status (Anthropic's {@code error.type}: {@code overloaded_error}, {@code authentication_error}, …) decides over it;
 * a provider's {@code x-should-retry} overrides both (but never un-stops a fatal one). Every message is one sentence
 * without the key.
 */
final class Failures {

    private final Redactor redactor;
    private final String subject;
    private final String keyVariables;

    /**
     * @param subject      what a 404 says does not exist: "Model 'gpt-4o-mini'", "Deployment 'prod'"
     * @param keyVariables where the key comes from, for a refused key: GOLDSMITH_API_KEY, ANTHROPIC_API_KEY
     */
    Failures(Redactor redactor, String subject, List<String> keyVariables) {
        this.redactor = redactor;
        this.subject = subject;
        this.keyVariables = keyVariables.isEmpty() ? ApiKeys.GOLDSMITH_API_KEY : String.join(" or ", keyVariables);
    }

    /**
     * An answer with a status other than 2xx. What the error's code means ({@link ProviderError#category}, e.g.
     * Anthropic's {@code error.type}) decides over the status; else the status does. {@code shouldRetry} is the
     * provider's {@code x-should-retry}, which decides over both as it does in the official SDKs: {@code true} makes
     * an answer retryable (a 429 stays rate limited), {@code false} makes the item fail at once ({@code PERMANENT})
     * even for a 429 or a 5xx. What stops the batch — a refused key, no access, a model that does not exist, an
     * account out of credit — stops it whatever the header says: retrying cannot mend it.
     */
    Failure forStatus(int status, ProviderError error, Optional<Duration> retryAfter, Optional<Boolean> shouldRetry,
                      boolean hasKey, Duration latency) {
        String says = error.suffix();
        ProviderError.Category category = error.category();
        if (category == ProviderError.Category.MODEL_NOT_FOUND || status == 404) {
            return failure(FailureKind.FATAL, subject + " does not exist on this server (" + status + ")"
                    + (says.isEmpty() ? "; check the model name and the base URL" : says) + ".", status, latency);
        }
        if (category == ProviderError.Category.AUTHENTICATION || status == 401) {
            return failure(FailureKind.FATAL, hasKey
                    ? "The API key was refused (" + status + "); check " + keyVariables + "."
                    : "The server requires an API key (" + status + ") and none is set; set " + keyVariables + ".",
                    status, latency);
        }
        if (category == ProviderError.Category.PERMISSION || status == 403) {
            return failure(FailureKind.FATAL, "Access was denied (" + status + ")" + says + ".", status, latency);
        }
        if (category == ProviderError.Category.NO_CREDIT) {
            // OpenAI's "out of credit" comes as a 429 and Anthropic's as a 402, but waiting will not help: stop the batch.
            return failure(FailureKind.FATAL, "The account is out of credit (" + status + " " + error.code() + ")" + says
                    + ".", status, latency);
        }
        if (shouldRetry.isPresent() && !shouldRetry.get()) {
            String what = status == 429 || category == ProviderError.Category.RATE_LIMITED
                    ? "The provider is limiting the request rate (" + status + ")" : "The server answered " + status;
            return failure(FailureKind.PERMANENT, what + " and said not to retry (x-should-retry: false)" + says + ".",
                    status, latency);
        }
        if (category == ProviderError.Category.RATE_LIMITED || status == 429) {
            String wait = retryAfter.map(d -> "; it asked to wait " + human(d)).orElse("");
            return new Failure(FailureKind.RATE_LIMITED, scrub("The provider is limiting the request rate (" + status + ")"
                    + wait + says + "."), status, retryAfter, Usage.NONE, latency);
        }
        if (category == ProviderError.Category.INVALID && shouldRetry.isEmpty()) {
            return failure(FailureKind.PERMANENT, "The provider refused the request (" + status + ")" + says + ".",
                    status, latency);
        }
        if (category == ProviderError.Category.SERVER || status == 408 || status == 409 || status == 425 || status >= 500) {
            return new Failure(FailureKind.RETRYABLE, scrub("The server answered " + status + says + "."), status,
                    retryAfter, Usage.NONE, latency);
        }
        if (shouldRetry.isPresent()) { // true, for a status that is not retried by itself
            return new Failure(FailureKind.RETRYABLE, scrub("The server answered " + status + " and said to retry"
                    + " (x-should-retry: true)" + says + "."), status, retryAfter, Usage.NONE, latency);
        }
        if (status >= 300 && status < 400) {
            return failure(FailureKind.PERMANENT, "The server answered with a redirect (" + status
                    + "); set the base URL to the address it points to.", status, latency);
        }
        return failure(FailureKind.PERMANENT, "The provider refused the request (" + status + ")" + says + ".", status, latency);
    }

    /** {@code x-should-retry}: {@code true} or {@code false} (any case); anything else is no signal. */
    static Optional<Boolean> shouldRetry(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String v = header.strip().toLowerCase(java.util.Locale.ROOT);
        return v.equals("true") ? Optional.of(true) : v.equals("false") ? Optional.of(false) : Optional.empty();
    }

    Failure forIoException(IOException e, HttpUrl url, Duration timeout, Duration latency) {
        String server = url.host() + ":" + url.port();
        if (isTimeout(e)) {
            return failure(FailureKind.RETRYABLE, "No answer from " + server + " within " + human(timeout) + " (timeout).",
                    0, latency);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return failure(FailureKind.UNREACHABLE, "The server at " + server + " could not be reached ("
                    + reason(e, "connection refused") + ").", 0, latency);
        }
        if (e instanceof UnknownHostException) {
            return failure(FailureKind.UNREACHABLE, "The server name '" + url.host() + "' could not be found.", 0, latency);
        }
        if (e instanceof SSLException) {
            return failure(FailureKind.UNREACHABLE, "A secure connection to " + server + " could not be made ("
                    + reason(e, "TLS error") + ").", 0, latency);
        }
        return failure(FailureKind.RETRYABLE, "The connection to " + server + " failed ("
                + reason(e, e.getClass().getSimpleName()) + ").", 0, latency);
    }

    /** The connection failed or the call timed out after the answer's headers came, while its body was read. */
    Failure forBodyIoException(IOException e, HttpUrl url, Duration timeout, Duration latency) {
        String server = url.host() + ":" + url.port();
        if (isTimeout(e)) {
            return failure(FailureKind.RETRYABLE, "The answer from " + server + " did not finish within " + human(timeout)
                    + " (timeout).", 0, latency);
        }
        return failure(FailureKind.RETRYABLE, "The answer from " + server + " broke off ("
                + reason(e, e.getClass().getSimpleName()) + ").", 0, latency);
    }

    /** A 2xx answer longer than the cap: not read further, and retried like a timeout. */
    Failure tooLarge(HttpUrl url, long maxBytes, int status, Duration latency) {
        return failure(FailureKind.RETRYABLE, "The answer from " + url.host() + ":" + url.port() + " is larger than "
                + maxBytes / (1024 * 1024) + " MB; it was not read further.", status, latency);
    }

    /** A read timeout, or OkHttp's call timeout (which covers the whole call, its body included). */
    static boolean isTimeout(IOException e) {
        return e instanceof SocketTimeoutException || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()));
    }

    Failure rejected(String reason, int status, Usage usage, Duration latency) {
        return new Failure(FailureKind.RETRYABLE, scrub("The model's answer was rejected: " + reason),
                status, Optional.empty(), usage, latency);
    }

    private Failure failure(FailureKind kind, String message, int status, Duration latency) {
        return Failure.of(kind, scrub(message), status, latency);
    }

    private String scrub(String message) {
        return redactor.scrub(message);
    }

    private static String reason(IOException e, String fallback) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? fallback : m.replaceAll("\\s+", " ").strip();
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms % 1000 == 0 || ms >= 60_000) {
            return (ms + 500) / 1000 + " s";
        }
        return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000d);
    }
}
