package dev.goldsmith.ai;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goldsmith.ai.EnhanceResult.Failure;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import okhttp3.Call;
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
 * Verifies base URL, key and model with one tiny chat completion (5 tokens, JSON mode, like a real call), and
 * says what is wrong in plain words. Blocking: run it off the FX thread. Never throws for a bad setting.
 */
public final class ProviderCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderCheck.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final Prompts.Messages PING = new Prompts.Messages(null, "Answer with the JSON object {\"ok\": true}.");

    private ProviderCheck() {
    }

    public static ProviderCheckResult check(ProviderSettings settings) {
        long started = System.nanoTime();
        String provider = settings.provider().strip().toLowerCase(Locale.ROOT);
        if (provider.equals(ProviderSettings.RULES)) {
            return new ProviderCheckResult(true, "OK: the rules provider works offline and needs no server "
                    + "(it is not an AI model).", 0, Duration.ZERO);
        }
        if (!provider.equals(ProviderSettings.OPENAI)) {
            return new ProviderCheckResult(false, "The provider '" + settings.provider() + "' is not one of rules, openai.",
                    0, Duration.ZERO);
        }
        HttpUrl endpoint;
        try {
            endpoint = BaseUrls.resolve(BaseUrls.require(settings.baseUrl() == null
                    ? ProviderSettings.DEFAULT_BASE_URL : settings.baseUrl()), "chat/completions");
        } catch (IllegalArgumentException e) {
            return new ProviderCheckResult(false, e.getMessage(), 0, Duration.ZERO);
        }
        if (settings.model() == null || settings.model().isBlank()) {
            return new ProviderCheckResult(false, "The model name is empty: give one such as "
                    + ProviderSettings.DEFAULT_MODEL + ".", 0, Duration.ZERO);
        }
        ObjectMapper mapper = new ObjectMapper();
        Failures failures = new Failures(new Redactor(settings.apiKey()), settings.model());
        OkHttpClient client;
        try {
            client = OpenAiEnhancer.httpClient(settings.withMaxConnections(1), EventListener.NONE);
        } catch (IllegalArgumentException e) {
            return new ProviderCheckResult(false, e.getMessage(), 0, Duration.ZERO);
        }
        try {
            Exchange exchange = post(client, endpoint, settings, mapper, true);
            boolean jsonMode = true;
            if (OpenAiEnhancer.refusesJsonMode(exchange.status(), exchange.body())) {
                jsonMode = false;
                exchange = post(client, endpoint, settings, mapper, false);
            }
            Duration latency = Duration.ofNanos(System.nanoTime() - started);
            int status = exchange.status();
            if (status >= 200 && status < 300) {
                if (exchange.cut()) {
                    return new ProviderCheckResult(false, failures.tooLarge(endpoint, AnswerBody.MAX_BYTES, status, latency)
                            .message(), status, latency);
                }
                if (new ChatCompletions(mapper).read(exchange.body()).isEmpty()) {
                    return new ProviderCheckResult(false, "The server at " + endpoint.host() + ":" + endpoint.port()
                            + " answered, but not as an OpenAI-compatible API; check the base URL (it usually ends in /v1).",
                            status, latency);
                }
                return new ProviderCheckResult(true, "OK: model " + settings.model() + " answered in " + latency.toMillis()
                        + " ms" + (jsonMode ? "." : " (without JSON mode, which this server does not support)."), status, latency);
            }
            Failure f = failures.forStatus(status, ProviderError.parse(mapper, exchange.body()), Optional.empty(),
                    Optional.empty(), settings.hasApiKey(), latency);
            LOG.info("provider check: {}", f.message());
            return new ProviderCheckResult(false, f.message(), status, latency);
        } catch (IOException e) {
            Duration latency = Duration.ofNanos(System.nanoTime() - started);
            Failure f = failures.forIoException(e, endpoint, settings.timeout(), latency);
            LOG.info("provider check: {}", f.message());
            return new ProviderCheckResult(false, f.message(), 0, latency);
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    private record Exchange(int status, String body, boolean cut) {
    }

    private static Exchange post(OkHttpClient client, HttpUrl endpoint, ProviderSettings settings, ObjectMapper mapper,
                                 boolean jsonMode) throws IOException {
        String body = new ChatCompletions(mapper).body(settings.model(), PING, 0.0, 5, jsonMode);
        Request.Builder request = new Request.Builder().url(endpoint).post(RequestBody.create(body, JSON));
        if (settings.hasApiKey()) {
            request.header("Authorization", "Bearer " + settings.apiKey().strip());
        }
        Call call = client.newCall(request.build());
        try (Response response = call.execute()) {
            boolean ok = response.isSuccessful();
            AnswerBody.Read read = AnswerBody.read(response.body(), ok ? AnswerBody.MAX_BYTES : AnswerBody.MAX_ERROR_BYTES, ok);
            if (read.cut()) {
                call.cancel(); // closes the socket now: closing the body alone would drain the rest for a while
            }
            return new Exchange(response.code(), read.lenientText(), read.cut());
        }
    }
}
