package dev.goldsmith.ui;

import dev.goldsmith.Services;
import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.Pricing;
import dev.goldsmith.ai.ProviderKind;
import dev.goldsmith.ai.ProviderSettings;
import dev.goldsmith.batch.BatchSettings;
import dev.goldsmith.batch.BatchSnapshot;
import dev.goldsmith.vault.ItemType;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.Vault;
import dev.goldsmith.vault.VaultItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * How long a key typed into the items search takes to reach the screen, in the real window (1400×900, the full
 * FXML and wiring) on a 10,000-item vault: idle, and while a batch runs at 6,000 items/min against an
 * OpenAI-compatible server on loopback. Per key: from the moment the key event is handed to the FX thread to the end
 * of the first layout pulse that shows its text; and, once the typist pauses, how long until the table is filtered
 * (the search waits for a pause in typing). A benchmark program, not a test; see docs/benchmarks.md.
 *
 * <pre>
 * mvn -q -DskipTests test-compile
 * xvfb-run -a java -Dprism.order=sw -cp target/test-classes:target/classes:$(cat cp.txt) dev.goldsmith.ui.TypingLatency [KEYS]
 * </pre>
 */
public final class TypingLatency {

    private static final int ITEMS = 10_000;
    /** Per key, from hand-over to the end of its key handlers (the filtering): the rest is layout and waiting. */
    static final List<Double> handled = java.util.Collections.synchronizedList(new ArrayList<>());
    private static final int RPM = 6_000;
    /** About 8 keys a second, a quick typist; the search filters after a 150 ms pause, so not while typing. */
    private static final long KEY_EVERY_MS = 125;
    private static final String TYPED = "team led the rollout ";
    private static final String ANSWER = "{\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":"
            + "\"assistant\",\"content\":\"{\\\"enhanced_content\\\":\\\"Led the rollout of a new order management system"
            + " across three warehouses.\\\",\\\"new_tier\\\":\\\"silver\\\",\\\"suggested_keywords\\\":[\\\"rollout\\\"]}\"}}],"
            + "\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":40,\"total_tokens\":160}}";

    private TypingLatency() {
    }

    public static void main(String[] args) throws Exception {
        int keys = args.length > 0 ? Integer.parseInt(args[0]) : 84;
        Path dir = Files.createTempDirectory("goldsmith-typing");
        Services services = Services.open(dir.resolve("goldsmith.db"), Clock.systemUTC());
        services.vaults().save(new Vault("v-10k", "Ten Thousand", null, null, null));
        List<VaultItem> items = new ArrayList<>();
        String[] verbs = {"Helped with", "Worked on", "Led", "Was responsible for", "Supported"};
        String[] things = {"the rollout of a new order system", "weekly reporting to the leadership team",
                "vendor negotiations for warehouse software", "a small team that handled returns",
                "the migration of customer data to the cloud"};
        for (int i = 0; i < ITEMS; i++) {
            items.add(new VaultItem("i-" + i, "v-10k", ItemType.values()[i % 3], verbs[i % 5] + " " + things[(i / 5) % 5]
                    + " (item " + i + ")", QualityTier.values()[i % 3], List.of("team", "k" + (i % 40)), null, null, null));
        }
        services.items().saveAll("v-10k", items);
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(ANSWER)
                        .headersDelay(40, TimeUnit.MILLISECONDS).build();
            }
        });
        server.start();
        BatchSettings saved = services.batchDefaults().load(Operation.ENHANCE);
        services.batchDefaults().save(saved.withOptions(saved.options().withConcurrency(16).withRpm(RPM))
                .withProvider(new ProviderSettings(ProviderKind.OPENAI, server.url("/v1").toString(), "gpt-test",
                        null, 0.7, 200, Duration.ofSeconds(10), 16, Pricing.perMillion(0.15, 0.6))));

        CountDownLatch shown = new CountDownLatch(1);
        FxTaskExecutor executor = new FxTaskExecutor();
        MainWindow[] window = new MainWindow[1];
        Scene[] scene = new Scene[1];
        Platform.startup(() -> {
            window[0] = MainWindow.load(services, Map.of(), executor, new FxDialogService(() -> null),
                    Messages.load(Locale.ROOT));
            scene[0] = new Scene(window[0].root(), 1400, 900);
            Theme.apply(scene[0], false);
            Stage stage = new Stage();
            stage.setScene(scene[0]);
            stage.show();
            window[0].workspace().loadingProperty().addListener((obs, was, loading) -> {
                if (!loading && window[0].workspace().allItems().size() == ITEMS) {
                    shown.countDown();
                }
            });
            window[0].workspace().reload();
        });
        if (!shown.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the vault did not show within 60 s");
        }
        TextField search = (TextField) scene[0].lookup("#searchField");
        List<String> rows = new ArrayList<>();
        rows.add(row("idle, 10,000 items shown", type(scene[0], search, keys), ""));
        double idleFilter = filterAfterPause(scene[0], search, window[0]);

        CountDownLatch running = new CountDownLatch(1);
        Platform.runLater(() -> {
            window[0].workspace().selectAllVisible();
            window[0].batch().launch().start();
            window[0].batch().live().snapshotProperty().addListener((obs, was, s) -> {
                if (s != null && s.processed() > 300) {
                    running.countDown();
                }
            });
        });
        if (!running.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the batch did not get going within 120 s");
        }
        BatchSnapshot before = window[0].batch().live().snapshotProperty().get();
        long start = System.nanoTime();
        List<Double> during = type(scene[0], search, keys);
        BatchSnapshot after = window[0].batch().live().snapshotProperty().get();
        double perMinute = (after.processed() - before.processed()) * 60e9 / (System.nanoTime() - start);
        rows.add(row("during a batch (" + String.format(Locale.ROOT, "%,.0f", perMinute) + " items/min measured)",
                during, after.isFinished() ? " (the batch ended while typing: use fewer keys)" : ""));
        double busyFilter = filterAfterPause(scene[0], search, window[0]);

        List<Double> h = new ArrayList<>(handled);
        Collections.sort(h);
        System.out.printf(Locale.ROOT, "key handled (incl. waiting for the FX thread): median %.0f ms, p95 %.0f ms%n",
                h.get(h.size() / 2), h.get((int) Math.ceil(h.size() * 0.95) - 1));
        System.out.println();
        System.out.println("| window state | keys | median ms | p95 ms | max ms |");
        System.out.println("|---|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "%nRows filtered after the last key (the search waits %.0f ms for a pause): idle %.0f ms,"
                + " during the batch %.0f ms%n", dev.goldsmith.ui.vault.SearchBox.QUIET.toMillis(),
                idleFilter, busyFilter);
        CountDownLatch cancelled = new CountDownLatch(1);
        Platform.runLater(() -> {
            window[0].batch().live().cancel();
            window[0].batch().live().busyProperty().addListener((obs, was, busy) -> cancelled.countDown());
        });
        cancelled.await(20, TimeUnit.SECONDS);
        services.close();
        executor.close();
        server.close();
        Platform.exit();
        System.exit(0);
    }

    /** Types {@link #TYPED} and erases it again, a key every {@link #KEY_EVERY_MS} ms; returns each key's latency. */
    private static List<Double> type(Scene scene, TextField search, int keys) throws InterruptedException {
        CountDownLatch focused = new CountDownLatch(1);
        Platform.runLater(() -> {
            search.requestFocus();
            search.clear();
            focused.countDown();
        });
        focused.await();
        List<Double> latencies = new ArrayList<>();
        long first = System.nanoTime();
        for (int k = 0; k < keys; k++) {
            long slot = first + k * KEY_EVERY_MS * 1_000_000L; // a typist keeps typing: keys come on time, not when drawn
            long wait = slot - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            int pos = k % (2 * TYPED.length());
            boolean erase = pos >= TYPED.length();
            String ch = erase ? "" : String.valueOf(TYPED.charAt(pos));
            CountDownLatch drawn = new CountDownLatch(1);
            AtomicLong sent = new AtomicLong();
            Runnable[] listener = new Runnable[1];
            listener[0] = () -> {
                if (sent.get() != 0) {
                    drawn.countDown();
                }
            };
            sent.set(System.nanoTime());
            Platform.runLater(() -> {
                KeyCode code = erase ? KeyCode.BACK_SPACE : KeyCode.UNDEFINED;
                Event.fireEvent(search, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, false, false, false));
                if (!erase) {
                    Event.fireEvent(search, new KeyEvent(KeyEvent.KEY_TYPED, ch, ch, KeyCode.UNDEFINED, false, false,
                            false, false));
                }
                Event.fireEvent(search, new KeyEvent(KeyEvent.KEY_RELEASED, "", "", code, false, false, false, false));
                handled.add((System.nanoTime() - sent.get()) / 1e6);
                scene.addPostLayoutPulseListener(listener[0]);
                Platform.requestNextPulse();
            });
            drawn.await(10, TimeUnit.SECONDS);
            latencies.add((System.nanoTime() - sent.get()) / 1e6);
            Platform.runLater(() -> scene.removePostLayoutPulseListener(listener[0]));
        }
        return latencies;
    }

    /**
     * Types "rollout" and measures, from its last key, the time until the table shows the rows it matches; then erases
     * it and waits until all rows show again.
     */
    private static double filterAfterPause(Scene scene, TextField search, MainWindow window) throws InterruptedException {
        CountDownLatch filtered = new CountDownLatch(1);
        AtomicLong lastKey = new AtomicLong();
        javafx.collections.ListChangeListener<Object> onChange = c -> scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                filtered.countDown();
            }
        });
        Platform.runLater(() -> {
            window.workspace().visibleItems().addListener(onChange);
            for (char c : "rollout".toCharArray()) {
                Event.fireEvent(search, new KeyEvent(KeyEvent.KEY_TYPED, String.valueOf(c), String.valueOf(c),
                        KeyCode.UNDEFINED, false, false, false, false));
            }
            lastKey.set(System.nanoTime());
        });
        filtered.await(10, TimeUnit.SECONDS);
        double ms = (System.nanoTime() - lastKey.get()) / 1e6;
        CountDownLatch all = new CountDownLatch(1);
        Platform.runLater(() -> {
            window.workspace().visibleItems().removeListener(onChange);
            window.workspace().visibleItems().addListener((javafx.collections.ListChangeListener<Object>) c -> {
                if (window.workspace().visibleItems().size() == ITEMS) {
                    all.countDown();
                }
            });
            window.workspace().filters().searchTextProperty().set("");
        });
        all.await(10, TimeUnit.SECONDS);
        return ms;
    }

    private static String row(String what, List<Double> ms, String note) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "| %s%s | %d | %.0f | %.0f | %.0f |", what, note, sorted.size(),
                sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
                sorted.get(sorted.size() - 1));
    }
}
