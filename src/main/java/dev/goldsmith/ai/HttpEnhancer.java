package dev.goldsmith.ai;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goldsmith.ai.EnhanceResult.Failure;
import dev.goldsmith.ai.EnhanceResult.Success;
import dev.goldsmith.vault.VaultItem;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.Dns;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every HTTP provider shares, whatever its {@link Wire} format: the HTTP client, one exchange per item, and the
 * rules every answer passes — read with a size cap and within the request timeout ({@link AnswerBody}), decoded
 * strictly, its limit headers read ({@link RateLimitHeaders}), a failure classified ({@link Failures}, where the
 * provider's {@code x-should-retry} decides over the status), an answer validated ({@link AnswerParser}) and refused
 * when it holds part of the key ({@link Redactor}).
 *
 * <p>Calls go out with OkHttp's asynchronous {@code enqueue}; at most {@code maxConnections} run at once and the
 * connection pool keeps as many. Each call is bounded by {@code settings.timeout()} as a whole (call timeout).
 * Cancelling a returned future cancels its HTTP call at once. Redirects are not followed, so a request can never be
 * led to a plain-http host, and a plain-http client connects only to loopback addresses ({@link LoopbackDns}).
 * OkHttp's own silent retries stay on: a pooled connection the server closed is replaced transparently, and a
 * {@code 408} is repeated once before it is reported.
 *
 * <p>The answer format a server takes is learned once per enhancer ({@link FormatGate}): a server that refuses the
 * operation's JSON schema with a {@code 400} naming {@code response_format} is asked again with JSON mode, and if it
 * refuses that too, without {@code response_format}; every later call of this enhancer (= of the batch) goes with what
 * worked. The key goes only into its header ({@link ProviderKind#keyHeader()}).
 */
abstract class HttpEnhancer implements Enhancer {

    private final Logger log = LoggerFactory.getLogger(getClass());

    private final ProviderSettings settings;
    private final ProviderKind kind;
    private final Wire wire;
    private final OkHttpClient client;
    private final ObjectMapper mapper = new ObjectMapper();
    private final AnswerParser parser = new AnswerParser(mapper);
    private final RetryAfter retryAfter;
    private final RateLimitHeaders rateLimitHeaders;
    private final Redactor redactor;
    private final Failures failures;
    private final TokenCounter tokens;
    private final FormatGate formats;

    /**
     * @throws IllegalArgumentException when the settings cannot run (see {@link ProviderKind#create})
     */
    HttpEnhancer(ProviderSettings settings, ProviderKind kind, Clock clock, EventListener listener) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.wire = kind.wire(settings, mapper);
        this.client = httpClient(settings, wire.endpoint(), listener);
        this.retryAfter = new RetryAfter(clock);
        this.rateLimitHeaders = new RateLimitHeaders(clock);
        this.redactor = new Redactor(settings.apiKey());
        this.failures = new Failures(redactor, wire.subject(), ApiKeys.variables(settings));
        this.tokens = wire.tokenCounter().warmUp();
        this.formats = new FormatGate(wire.firstFormat(), wire.endpoint().host() + ":" + wire.endpoint().port(),
                wire.takesFirstFormat());
    }

    /**
     * The HTTP client for {@code settings} calling {@code endpoint}.
     *
     * @throws IllegalArgumentException when the timeout is outside {@link ProviderSettings#requireTimeout}'s range
     */
    static OkHttpClient httpClient(ProviderSettings settings, HttpUrl endpoint, EventListener listener) {
        ProviderSettings.requireTimeout(settings.timeout());
        int connections = Math.max(1, settings.maxConnections());
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(connections);
        dispatcher.setMaxRequestsPerHost(connections);
        Duration timeout = settings.timeout();
        return new OkHttpClient.Builder()
                .dns(endpoint.isHttps() ? Dns.SYSTEM : LoopbackDns.SYSTEM)
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(connections, 5, TimeUnit.MINUTES))
                .callTimeout(timeout)
                .connectTimeout(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10))
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .followRedirects(false)
                .followSslRedirects(false)
                .eventListener(listener)
                .build();
    }

    /** The kind's id: "openai", "azure", "anthropic" — recorded with every outcome. */
    @Override
    public String providerName() {
        return kind.id();
    }

    @Override
    public String model() {
        return wire.model();
    }

    /** Where the calls go. */
    HttpUrl endpoint() {
        return wire.endpoint();
    }

    /** The answer format calls are sent with now. */
    ResponseFormat responseFormat() {
        return formats.current();
    }

    /**
     * The prompt tokens of exactly the messages {@link #enhance} would send for this item, counted the way the
     * wire format's provider counts them ({@link Wire#tokenCounter()}), plus {@code max_tokens}: what a provider's
     * token limit charges for the request when it arrives.
     */
    @Override
    public long estimateTokens(VaultItem item, Operation operation) {
        return tokens.count(Prompts.forItem(item, operation)) + Math.max(0, settings.maxTokens());
    }

    @Override
    public CompletableFuture<EnhanceResult> enhance(VaultItem item, Operation operation) {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(operation, "operation");
        return new Exchange(item, operation).start();
    }

    /**
     * One item's call: the HTTP call in flight (sent again with a lesser answer format when the server refuses one),
     * its future, and whether it is the call that decides the format ({@link FormatGate}).
     */
    private final class Exchange implements Callback, FormatGate.Caller {
        private final VaultItem item;
        private final Operation operation;
        private final CompletableFuture<EnhanceResult> future = new CompletableFuture<>();
        private final AtomicReference<Call> current = new AtomicReference<>();
        private final AtomicBoolean settled = new AtomicBoolean();
        private final long started = System.nanoTime();
        private volatile ResponseFormat sent = ResponseFormat.NONE;
        private volatile boolean probe;

        Exchange(VaultItem item, Operation operation) {
            this.item = item;
            this.operation = operation;
        }

        CompletableFuture<EnhanceResult> start() {
            future.whenComplete((result, error) -> {
                Call call = current.get();
                if (future.isCancelled() && call != null) {
                    call.cancel();
                }
            });
            formats.enter(this);
            return future;
        }

        @Override
        public void go(ResponseFormat format, boolean asProbe) {
            if (future.isDone()) { // cancelled while it waited for the probe
                return;
            }
            probe = asProbe;
            send(format);
        }

        @Override
        public void closed() {
            finish(Failure.of(FailureKind.RETRYABLE, "The call was cancelled because the provider was closed.", 0, latency()));
        }

        private void send(ResponseFormat format) {
            sent = format;
            String body;
            try {
                body = wire.body(Prompts.forItem(item, operation), operation, format, settings.temperature(),
                        settings.maxTokens());
            } catch (RuntimeException e) {
                settle();
                future.completeExceptionally(e);
                return;
            }
            Call call = client.newCall(wire.request(body, settings.apiKey()));
            current.set(call);
            if (future.isCancelled()) {
                call.cancel(); // cancelled while this call was being built: it fails at once with "Canceled"
            }
            call.enqueue(this);
        }

        private Duration latency() {
            return Duration.ofNanos(System.nanoTime() - started);
        }

        /** Tells the format gate this call is over (once), when it decided the format. */
        private void settle() {
            if (settled.compareAndSet(false, true)) {
                formats.settled(probe);
            }
        }

        private void finish(EnhanceResult result) {
            settle();
            future.complete(result);
        }

        @Override
        public void onFailure(Call c, IOException e) {
            failed(c, e, false, RateLimits.NONE);
        }

        /** The call failed before an answer came ({@code duringBody} false) or while its body was read. */
        private void failed(Call c, IOException e, boolean duringBody, RateLimits limits) {
            Duration latency = latency();
            if (future.isCancelled()) {
                settle();
                log.debug("item {}: call cancelled after {} ms", item.id(), latency.toMillis());
                return;
            }
            if (c.isCanceled() && !Failures.isTimeout(e)) {
                // cancelled by close(), not by the caller and not by the call timeout
                finish(Failure.of(FailureKind.RETRYABLE, "The call was cancelled because the provider was closed.", 0, latency));
                return;
            }
            Failure failure = duringBody
                    ? failures.forBodyIoException(e, wire.endpoint(), settings.timeout(), latency)
                    : failures.forIoException(e, wire.endpoint(), settings.timeout(), latency);
            log(item, 0, failure);
            finish(failure.withLimits(limits));
        }

        @Override
        public void onResponse(Call c, Response response) {
            try (response) {
                RateLimits limits = rateLimitHeaders.parse(response::header);
                boolean ok = response.isSuccessful();
                AnswerBody.Read body;
                try {
                    body = AnswerBody.read(response.body(), ok ? AnswerBody.MAX_BYTES : AnswerBody.MAX_ERROR_BYTES, ok);
                } catch (IOException e) {
                    failed(c, e, true, limits);
                    return;
                }
                if (body.cut()) {
                    c.cancel(); // closes the socket now: closing the body alone would drain the rest for a while
                }
                Duration latency = latency();
                if (ok && body.cut()) {
                    Failure tooLarge = failures.tooLarge(wire.endpoint(), AnswerBody.MAX_BYTES, response.code(), latency);
                    log(item, response.code(), tooLarge);
                    finish(tooLarge.withLimits(limits));
                    return;
                }
                String text;
                if (ok) {
                    try {
                        text = body.strictText();
                    } catch (AnswerBody.MalformedAnswerException e) {
                        Failure malformed = failures.rejected(e.getMessage(), response.code(), Usage.NONE, latency);
                        log(item, response.code(), malformed);
                        finish(malformed.withLimits(limits));
                        return;
                    }
                } else {
                    text = body.lenientText(); // only for the provider's message; the status decides
                }
                if (sent != ResponseFormat.NONE && ResponseFormat.refused(response.code(), text)) {
                    FormatGate.Pass again = formats.refused(sent, probe);
                    probe = again.probe();
                    send(again.format());
                    return;
                }
                EnhanceResult result = withLimits(interpret(item, operation, response, text, latency), limits);
                log(item, response.code(), result);
                finish(result);
            } catch (RuntimeException e) {
                log.error("unexpected error reading the answer for item {}", item.id(), e);
                settle();
                future.completeExceptionally(e);
            } catch (Error e) {
                // e.g. OutOfMemoryError: OkHttp's thread dies with it, but the caller is not left waiting forever
                settle();
                future.completeExceptionally(e);
                throw e;
            }
        }
    }

    private EnhanceResult interpret(VaultItem item, Operation operation, Response response, String text, Duration latency) {
        int status = response.code();
        if (status < 200 || status >= 300) {
            return failures.forStatus(status, wire.error(text),
                    retryAfter.parse(response::header), // 429 and 503 alike: a retry never comes sooner
                    Failures.shouldRetry(response.header("x-should-retry")), settings.hasApiKey(), latency);
        }
        var reply = wire.read(text);
        if (reply.isEmpty()) {
            return failures.rejected(wire.notAnAnswer(), status, wire.usageOf(text), latency);
        }
        Usage usage = reply.get().usage();
        if (reply.get().refusal() != null) {
            return failures.rejected("the model declined to answer (" + oneSentence(reply.get().refusal()) + ").", status,
                    usage, latency);
        }
        if (reply.get().content() == null || reply.get().content().isBlank()) {
            return failures.rejected("it is empty" + (reply.get().truncated() ? cutNote() : "") + ".", status, usage, latency);
        }
        try {
            ModelAnswer parsed = parser.parse(reply.get().content(), item, operation);
            if (redactor.containsKey(parsed.content()) || parsed.keywords().stream().anyMatch(redactor::containsKey)) {
                // a server that echoes the request: never store the key, or part of it, in a vault
                return failures.rejected("it contains part of the API key.", status, usage, latency);
            }
            return new Success(parsed.content(), parsed.newTier(), Keywords.merge(item.keywords(), parsed.keywords()),
                    parsed.confidence(), providerName(), usage, latency);
        } catch (RejectedAnswerException e) {
            String cut = reply.get().truncated() ? cutNote() : "";
            return failures.rejected(e.getMessage().replaceAll("\\.$", "") + cut + ".", status, usage, latency);
        }
    }

    private String cutNote() {
        return " (the answer was cut off at max_tokens " + settings.maxTokens() + ")";
    }

    private static String oneSentence(String s) {
        String line = s.replaceAll("\\s+", " ").strip().replaceAll("\\.$", "");
        return line.length() <= 200 ? line : line.substring(0, 197) + "…";
    }

    /** The result with the limits its answer announced. */
    private static EnhanceResult withLimits(EnhanceResult result, RateLimits limits) {
        if (limits.isEmpty()) {
            return result;
        }
        return result instanceof Success s ? s.withLimits(limits) : ((Failure) result).withLimits(limits);
    }

    /**
     * One attempt's outcome, at DEBUG whatever it is: a batch against an unreachable server fails hundreds of
     * attempts, and its start, its end and its reason are the engine's to log.
     */
    private void log(VaultItem item, int status, EnhanceResult result) {
        if (result instanceof Failure f) {
            log.debug("item {}: {} ({}, {} ms)", item.id(), f.message(), f.kind(), f.latency().toMillis());
        } else {
            log.debug("item {}: {} from {} in {} ms, {} + {} tokens", item.id(), status, wire.model(),
                    result.latency().toMillis(), result.usage().promptTokens(), result.usage().completionTokens());
        }
    }

    @Override
    public void close() {
        formats.close();
        client.dispatcher().cancelAll();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + wire.endpoint() + ", model=" + wire.model() + "]";
    }
}
