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
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code openai} provider: any OpenAI-compatible {@code POST {base_url}/chat/completions}.
 *
 * <p>Calls go out with OkHttp's asynchronous {@code enqueue}; at most {@code maxConnections} run at once and
 * the connection pool keeps as many. Each call is bounded by {@code settings.timeout()} as a whole (call
 * timeout). Cancelling a returned future cancels its HTTP call at once. Redirects are not followed, so a
 * request can never be led to a plain-http host, and a plain-http client connects only to loopback addresses
 * ({@link LoopbackDns}). OkHttp's own silent retries stay on: a pooled connection the
 * server closed is replaced transparently, and a {@code 408} is repeated once before it is reported.
 *
 * <p>Every answer's limit headers ({@link RateLimitHeaders}) travel with its result, whatever its status; the
 * provider's {@code x-should-retry} decides over the status code ({@link Failures}).
 *
 * <p>Requests ask for JSON mode ({@code response_format: json_object}). A server that refuses it with a
 * {@code 400} naming {@code response_format} (LM Studio does) gets the same call again without it, and every
 * later call of this enhancer goes without it; the answer parser finds the JSON in plain text anyway.
 * The key goes only into the {@code Authorization} header.
 */
public final class OpenAiEnhancer implements Enhancer {

    private static final Logger LOG = LoggerFactory.getLogger(OpenAiEnhancer.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final ProviderSettings settings;
    private final HttpUrl endpoint;
    private final OkHttpClient client;
    private final ObjectMapper mapper = new ObjectMapper();
    private final ChatCompletions completions = new ChatCompletions(mapper);
    private final AnswerParser parser = new AnswerParser(mapper);
    private final RetryAfter retryAfter;
    private final RateLimitHeaders rateLimitHeaders;
    private final Redactor redactor;
    private final Failures failures;
    private final TokenCounter tokens;
    /** Cleared for good once the server refuses {@code response_format: json_object}. */
    private final AtomicBoolean jsonModeSupported = new AtomicBoolean(true);

    /**
     * @throws IllegalArgumentException when the base URL is not valid, is plain http to a host that is not
     *                                  loopback, the model is empty or the timeout is not between 1 ms and
     *                                  {@link ProviderSettings#MAX_TIMEOUT}
     */
    public OpenAiEnhancer(ProviderSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** With the clock that turns an HTTP-date {@code Retry-After} into a wait. */
    public OpenAiEnhancer(ProviderSettings settings, Clock clock) {
        this(settings, clock, EventListener.NONE);
    }

    /** For tests: a clock for HTTP-date {@code Retry-After} and an OkHttp listener to observe calls. */
    OpenAiEnhancer(ProviderSettings settings, Clock clock, EventListener listener) {
        this.settings = Objects.requireNonNull(settings, "settings");
        HttpUrl base = BaseUrls.require(settings.baseUrl() == null ? ProviderSettings.DEFAULT_BASE_URL : settings.baseUrl());
        if (settings.model() == null || settings.model().isBlank()) {
            throw new IllegalArgumentException("The model name is empty: give one such as " + ProviderSettings.DEFAULT_MODEL + ".");
        }
        this.endpoint = BaseUrls.resolve(base, "chat/completions");
        this.client = httpClient(settings, listener);
        this.retryAfter = new RetryAfter(clock);
        this.rateLimitHeaders = new RateLimitHeaders(clock);
        this.redactor = new Redactor(settings.apiKey());
        this.failures = new Failures(redactor, settings.model());
        this.tokens = TokenCounter.forModel(settings.model()).warmUp();
    }

    /**
     * The HTTP client for {@code settings}.
     *
     * @throws IllegalArgumentException when the timeout is outside {@link ProviderSettings#requireTimeout}'s range
     */
    static OkHttpClient httpClient(ProviderSettings settings, EventListener listener) {
        ProviderSettings.requireTimeout(settings.timeout());
        int connections = Math.max(1, settings.maxConnections());
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(connections);
        dispatcher.setMaxRequestsPerHost(connections);
        Duration timeout = settings.timeout();
        HttpUrl base = HttpUrl.parse(settings.baseUrl() == null ? ProviderSettings.DEFAULT_BASE_URL : settings.baseUrl().strip());
        boolean plainHttp = base == null || !base.isHttps();
        return new OkHttpClient.Builder()
                .dns(plainHttp ? LoopbackDns.SYSTEM : Dns.SYSTEM)
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

    @Override
    public String providerName() {
        return ProviderSettings.OPENAI;
    }

    @Override
    public String model() {
        return settings.model();
    }

    /**
     * The prompt tokens of exactly the messages {@link #enhance} would send for this item, counted with the model's
     * tokenizer where it is known ({@link TokenCounter}), plus {@code max_tokens}: what a provider's token limit
     * charges for the request when it arrives.
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

    /** One item's call: the HTTP call in flight (replaced once if the server refuses JSON mode) and its future. */
    private final class Exchange implements Callback {
        private final VaultItem item;
        private final Operation operation;
        private final CompletableFuture<EnhanceResult> future = new CompletableFuture<>();
        private final AtomicReference<Call> current = new AtomicReference<>();
        private final long started = System.nanoTime();
        private volatile boolean jsonMode = jsonModeSupported.get();

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
            send();
            return future;
        }

        private void send() {
            String body = completions.body(settings.model(), Prompts.forItem(item, operation),
                    settings.temperature(), settings.maxTokens(), jsonMode);
            Request.Builder request = new Request.Builder().url(endpoint)
                    .header("Accept", "application/json")
                    .post(RequestBody.create(body, JSON));
            if (settings.hasApiKey()) {
                request.header("Authorization", "Bearer " + settings.apiKey().strip());
            }
            Call call = client.newCall(request.build());
            current.set(call);
            if (future.isCancelled()) {
                call.cancel(); // cancelled while this call was being built: it fails at once with "Canceled"
            }
            call.enqueue(this);
        }

        @Override
        public void onFailure(Call c, IOException e) {
            failed(c, e, false, RateLimits.NONE);
        }

        /** The call failed before an answer came ({@code duringBody} false) or while its body was read. */
        private void failed(Call c, IOException e, boolean duringBody, RateLimits limits) {
            Duration latency = Duration.ofNanos(System.nanoTime() - started);
            if (future.isCancelled()) {
                LOG.debug("item {}: call cancelled after {} ms", item.id(), latency.toMillis());
                return;
            }
            if (c.isCanceled() && !Failures.isTimeout(e)) {
                // cancelled by close(), not by the caller and not by the call timeout
                future.complete(Failure.of(FailureKind.RETRYABLE, "The call was cancelled because the provider was closed.",
                        0, latency));
                return;
            }
            Failure failure = duringBody
                    ? failures.forBodyIoException(e, endpoint, settings.timeout(), latency)
                    : failures.forIoException(e, endpoint, settings.timeout(), latency);
            log(item, 0, failure);
            future.complete(failure.withLimits(limits));
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
                Duration latency = Duration.ofNanos(System.nanoTime() - started);
                if (ok && body.cut()) {
                    Failure tooLarge = failures.tooLarge(endpoint, AnswerBody.MAX_BYTES, response.code(), latency);
                    log(item, response.code(), tooLarge);
                    future.complete(tooLarge.withLimits(limits));
                    return;
                }
                String text;
                if (ok) {
                    try {
                        text = body.strictText();
                    } catch (AnswerBody.MalformedAnswerException e) {
                        Failure malformed = failures.rejected(e.getMessage(), response.code(), Usage.NONE, latency);
                        log(item, response.code(), malformed);
                        future.complete(malformed.withLimits(limits));
                        return;
                    }
                } else {
                    text = body.lenientText(); // only for the provider's message; the status decides
                }
                if (jsonMode && refusesJsonMode(response.code(), text)) {
                    jsonModeSupported.set(false);
                    jsonMode = false;
                    LOG.info("{} does not support response_format json_object; sending without it from now on", endpoint);
                    send();
                    return;
                }
                EnhanceResult result = withLimits(interpret(item, operation, response, text, latency), limits);
                log(item, response.code(), result);
                future.complete(result);
            } catch (RuntimeException e) {
                LOG.error("unexpected error reading the answer for item {}", item.id(), e);
                future.completeExceptionally(e);
            } catch (Error e) {
                // e.g. OutOfMemoryError: OkHttp's thread dies with it, but the caller is not left waiting forever
                future.completeExceptionally(e);
                throw e;
            }
        }
    }

    /** A 400 that names {@code response_format}: the server (e.g. LM Studio) has no JSON mode. */
    static boolean refusesJsonMode(int status, String body) {
        return status == 400 && body != null && body.contains("response_format");
    }

    private EnhanceResult interpret(VaultItem item, Operation operation, Response response, String text, Duration latency) {
        int status = response.code();
        if (status < 200 || status >= 300) {
            return failures.forStatus(status, ProviderError.parse(mapper, text),
                    retryAfter.parse(response::header), // 429 and 503 alike: a retry never comes sooner
                    Failures.shouldRetry(response.header("x-should-retry")), settings.hasApiKey(), latency);
        }
        var answer = completions.read(text);
        if (answer.isEmpty()) {
            return failures.rejected("the server's reply is not a chat completion.", status, completions.usageOf(text), latency);
        }
        Usage usage = answer.get().usage();
        if (answer.get().content() == null || answer.get().content().isBlank()) {
            return failures.rejected("it is empty.", status, usage, latency);
        }
        try {
            ModelAnswer parsed = parser.parse(answer.get().content(), item, operation);
            if (redactor.containsKey(parsed.content()) || parsed.keywords().stream().anyMatch(redactor::containsKey)) {
                // a server that echoes the request: never store the key, or part of it, in a vault
                return failures.rejected("it contains part of the API key.", status, usage, latency);
            }
            return new Success(parsed.content(), parsed.newTier(), Keywords.merge(item.keywords(), parsed.keywords()),
                    parsed.confidence(), providerName(), usage, latency);
        } catch (RejectedAnswerException e) {
            String cut = answer.get().truncated() ? " (the answer was cut off at max_tokens " + settings.maxTokens() + ")" : "";
            return failures.rejected(e.getMessage().replaceAll("\\.$", "") + cut + ".", status, usage, latency);
        }
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
            LOG.debug("item {}: {} ({}, {} ms)", item.id(), f.message(), f.kind(), f.latency().toMillis());
        } else {
            LOG.debug("item {}: {} from {} in {} ms, {} + {} tokens", item.id(), status, settings.model(),
                    result.latency().toMillis(), result.usage().promptTokens(), result.usage().completionTokens());
        }
    }

    @Override
    public void close() {
        client.dispatcher().cancelAll();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "OpenAiEnhancer[" + endpoint + ", model=" + settings.model() + "]";
    }
}
