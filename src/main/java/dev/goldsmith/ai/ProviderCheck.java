package dev.goldsmith.ai;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goldsmith.ai.EnhanceResult.Failure;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies base URL, key and model with one tiny request (5 tokens) in the provider's own wire format, asking for the
 * answer format a batch would (the enhance answer's JSON schema, then JSON mode, then none, for a server that refuses
 * one), and says what is wrong in plain words. Blocking: run it off the FX thread. Never throws for a bad setting.
 */
public final class ProviderCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderCheck.class);
    private static final Prompts.Messages PING = new Prompts.Messages(null, "Answer with the JSON object {\"ok\": true}.");
    private static final int PING_TOKENS = 5;

    private ProviderCheck() {
    }

    public static ProviderCheckResult check(ProviderSettings settings) {
        ProviderKind kind = settings.kind();
        return switch (kind) {
            case RULES -> new ProviderCheckResult(true, "OK: the rules provider works offline and needs no server "
                    + "(it is not an AI model).", 0, Duration.ZERO);
            case OPENAI, AZURE, ANTHROPIC -> overHttp(settings, kind);
        };
    }

    private static ProviderCheckResult refused(String message) {
        return new ProviderCheckResult(false, message, 0, Duration.ZERO);
    }

    private static ProviderCheckResult overHttp(ProviderSettings settings, ProviderKind kind) {
        long started = System.nanoTime();
        ObjectMapper mapper = new ObjectMapper();
        Wire wire;
        OkHttpClient client;
        try {
            wire = kind.wire(settings, mapper);
            client = HttpEnhancer.httpClient(settings.withMaxConnections(1), wire.endpoint(), EventListener.NONE);
        } catch (IllegalArgumentException e) {
            return refused(e.getMessage());
        }
        Failures failures = new Failures(new Redactor(settings.apiKey()), wire.subject(), ApiKeys.variables(settings));
        String server = wire.endpoint().host() + ":" + wire.endpoint().port();
        try {
            ResponseFormat format = wire.firstFormat();
            Exchange exchange = post(client, wire, settings, format);
            while (format != ResponseFormat.NONE && ResponseFormat.refused(exchange.status(), exchange.body())) {
                format = format.fallback();
                exchange = post(client, wire, settings, format);
            }
            Duration latency = Duration.ofNanos(System.nanoTime() - started);
            int status = exchange.status();
            if (status >= 200 && status < 300) {
                if (exchange.cut()) {
                    return new ProviderCheckResult(false, failures.tooLarge(wire.endpoint(), AnswerBody.MAX_BYTES, status,
                            latency).message(), status, latency);
                }
                if (wire.read(exchange.body()).isEmpty()) {
                    return new ProviderCheckResult(false, "The server at " + server + " answered, but not as "
                            + wire.apiName() + "; check the base URL" + baseUrlHint(kind) + ".", status, latency);
                }
                return new ProviderCheckResult(true, "OK: " + wire.label() + " answered in " + latency.toMillis() + " ms"
                        + formatNote(wire.firstFormat(), format) + ".", status, latency);
            }
            Failure f = failures.forStatus(status, wire.error(exchange.body()), Optional.empty(), Optional.empty(),
                    settings.hasApiKey(), latency);
            LOG.info("provider check: {}", f.message());
            return new ProviderCheckResult(false, f.message(), status, latency);
        } catch (IOException e) {
            Duration latency = Duration.ofNanos(System.nanoTime() - started);
            Failure f = failures.forIoException(e, wire.endpoint(), settings.timeout(), latency);
            LOG.info("provider check: {}", f.message());
            return new ProviderCheckResult(false, f.message(), 0, latency);
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    private static String baseUrlHint(ProviderKind kind) {
        return switch (kind) {
            case RULES, OPENAI, ANTHROPIC -> " (it usually ends in /v1)";
            case AZURE -> " (the resource's endpoint, such as " + ProviderKind.AZURE_EXAMPLE_BASE_URL + ")";
        };
    }

    /** What the answer format that worked says about the server, when it is less than what was asked first. */
    private static String formatNote(ResponseFormat first, ResponseFormat worked) {
        if (worked == first) {
            return "";
        }
        return switch (worked) {
            case JSON_SCHEMA -> "";
            case JSON_OBJECT -> " (with JSON mode: this server does not take a JSON schema, structured outputs)";
            case NONE -> " (without JSON mode, which this server does not support)";
        };
    }

    private record Exchange(int status, String body, boolean cut) {
    }

    private static Exchange post(OkHttpClient client, Wire wire, ProviderSettings settings, ResponseFormat format)
            throws IOException {
        String body = wire.body(PING, Operation.ENHANCE, format, 0.0, PING_TOKENS);
        Call call = client.newCall(wire.request(body, settings.apiKey()));
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
