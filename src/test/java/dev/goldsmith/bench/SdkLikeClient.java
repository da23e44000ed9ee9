package dev.goldsmith.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.Prompts;
import dev.goldsmith.vault.VaultItem;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * What users write by hand with an official SDK: {@code concurrency} workers take the items one by one and send
 * each with the SDK's own retry policy — up to {@value #MAX_RETRIES} retries (the SDKs' default) of a 408, 409,
 * 429, 5xx or a connection error, waiting what {@code retry-after-ms} / {@code Retry-After} says when it is at most
 * a minute, else 0.5 s × 2^n capped at 8 s, minus up to 25 % jitter. An item whose retries run out fails. It knows
 * nothing of the limit.
 */
final class SdkLikeClient {

    static final int MAX_RETRIES = 2;
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(int succeeded, int failed, long wallNanos) {
    }

    private SdkLikeClient() {
    }

    static Result run(String baseUrl, List<VaultItem> items, int concurrency, long seed) throws InterruptedException {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(concurrency);
        dispatcher.setMaxRequestsPerHost(concurrency);
        OkHttpClient client = new OkHttpClient.Builder().dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(concurrency, 5, TimeUnit.MINUTES))
                .callTimeout(Duration.ofSeconds(60)).retryOnConnectionFailure(false).build();
        ConcurrentLinkedQueue<VaultItem> queue = new ConcurrentLinkedQueue<>(items);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        Thread[] workers = new Thread[concurrency];
        for (int w = 0; w < concurrency; w++) {
            Random random = new Random(seed + w);
            workers[w] = new Thread(() -> {
                VaultItem item;
                while ((item = queue.poll()) != null) {
                    if (send(client, baseUrl, item, random)) {
                        ok.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                }
            }, "sdk-like-" + w);
            workers[w].start();
        }
        for (Thread t : workers) {
            t.join();
        }
        long wall = System.nanoTime() - start;
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
        return new Result(ok.get(), failed.get(), wall);
    }

    private static boolean send(OkHttpClient client, String baseUrl, VaultItem item, Random random) {
        Request request = new Request.Builder().url(baseUrl + "/chat/completions")
                .post(RequestBody.create(body(item), JSON_TYPE)).build();
        for (int attempt = 0; ; attempt++) {
            Duration wait;
            try (Response response = client.newCall(request).execute()) {
                response.body().string();
                int code = response.code();
                if (code >= 200 && code < 300) {
                    return true;
                }
                boolean retryable = code == 408 || code == 409 || code == 429 || code >= 500;
                if (!retryable || attempt >= MAX_RETRIES) {
                    return false;
                }
                wait = serverWait(response).orElse(null);
            } catch (IOException e) {
                if (attempt >= MAX_RETRIES) {
                    return false;
                }
                wait = null;
            }
            if (wait == null) {
                double seconds = Math.min(0.5 * Math.pow(2, attempt), 8.0) * (1 - 0.25 * random.nextDouble());
                wait = Duration.ofNanos(Math.round(seconds * 1e9));
            }
            try {
                Thread.sleep(wait.toMillis(), (int) (wait.toNanos() % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private static java.util.Optional<Duration> serverWait(Response response) {
        String ms = response.header("retry-after-ms");
        String s = response.header("Retry-After");
        try {
            Duration d = ms != null ? Duration.ofNanos(Math.round(Double.parseDouble(ms) * 1e6))
                    : s != null ? Duration.ofNanos(Math.round(Double.parseDouble(s) * 1e9)) : null;
            return d != null && !d.isNegative() && d.compareTo(Duration.ofSeconds(60)) <= 0
                    ? java.util.Optional.of(d) : java.util.Optional.empty();
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /** The same request Goldsmith's provider sends for the item. */
    private static String body(VaultItem item) {
        Prompts.Messages m = Prompts.forItem(item, Operation.ENHANCE);
        ObjectNode n = JSON.createObjectNode();
        n.put("model", "bench");
        var messages = n.putArray("messages");
        messages.addObject().put("role", "system").put("content", m.system());
        messages.addObject().put("role", "user").put("content", m.user());
        n.put("temperature", 0.7).put("max_tokens", 500);
        n.putObject("response_format").put("type", "json_object");
        return n.toString();
    }
}
