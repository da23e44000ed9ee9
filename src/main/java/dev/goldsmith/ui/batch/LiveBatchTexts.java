package dev.goldsmith.ui.batch;

import dev.goldsmith.batch.BatchSnapshot;
import dev.goldsmith.ui.Messages;
import java.time.Duration;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableIntegerValue;
import javafx.beans.value.ObservableObjectValue;

/** The live panel's labels as bindings on the shown snapshot: "Processing 15/50 items", "✓ 12 enhanced", … */
public final class LiveBatchTexts {

    private final ObservableObjectValue<BatchSnapshot> snapshot;
    private final StringBinding headline;
    private final StringBinding succeeded;
    private final StringBinding failed;
    private final StringBinding skipped;
    private final StringBinding unchanged;
    private final StringBinding activity;
    private final StringBinding lastError;
    private final StringBinding rate;
    private final StringBinding elapsed;
    private final StringBinding eta;
    private final StringBinding tokens;
    private final StringBinding cost;
    private final StringBinding queued;
    private final DoubleBinding progress;

    LiveBatchTexts(ObservableObjectValue<BatchSnapshot> snapshot, ObservableIntegerValue queuedCount,
                   SnapshotText text, Messages messages) {
        this(snapshot, new SimpleObjectProperty<>(), queuedCount, text, messages);
    }

    /**
     * @param storedActive the active time the shown batch was stored with once it ended ({@code null} while it runs):
     *                     the rate is then the one History shows
     */
    LiveBatchTexts(ObservableObjectValue<BatchSnapshot> snapshot, ObservableObjectValue<Duration> storedActive,
                   ObservableIntegerValue queuedCount, SnapshotText text, Messages messages) {
        this.snapshot = snapshot;
        String idle = messages.get("live.idle");
        headline = Bindings.createStringBinding(() -> snapshot.get() == null ? idle : text.headline(snapshot.get()),
                snapshot);
        succeeded = of(text::succeeded);
        failed = of(text::failed);
        skipped = of(text::skipped);
        unchanged = of(text::unchanged);
        activity = of(text::activity);
        lastError = of(text::lastError);
        rate = Bindings.createStringBinding(() -> snapshot.get() == null ? "" : text.rate(snapshot.get(),
                storedActive.get() != null ? storedActive.get() : snapshot.get().elapsed()), snapshot, storedActive);
        elapsed = of(text::elapsed);
        eta = of(text::eta);
        tokens = of(text::tokens);
        cost = of(text::cost);
        queued = Bindings.createStringBinding(() -> queuedCount.get() == 0 ? ""
                : messages.get("live.queued", queuedCount.get()), queuedCount);
        progress = Bindings.createDoubleBinding(() -> snapshot.get() == null ? 0.0 : snapshot.get().progress() / 100.0,
                snapshot);
    }

    private StringBinding of(Function<BatchSnapshot, String> format) {
        return Bindings.createStringBinding(() -> snapshot.get() == null ? "" : format.apply(snapshot.get()), snapshot);
    }

    public StringBinding headline() {
        return headline;
    }

    public StringBinding succeeded() {
        return succeeded;
    }

    public StringBinding failed() {
        return failed;
    }

    public StringBinding skipped() {
        return skipped;
    }

    /** "3 in flight · 2 waiting to retry, next in 0:04 · paced 588/min (provider limit 600/min)"; empty once ended. */
    public StringBinding activity() {
        return activity;
    }

    /** "Latest error: …" as soon as an attempt failed; empty when none did. */
    public StringBinding lastError() {
        return lastError;
    }

    /** "= 38 unchanged". */
    public StringBinding unchanged() {
        return unchanged;
    }

    /** "12.5 items/min". */
    public StringBinding rate() {
        return rate;
    }

    public StringBinding elapsed() {
        return elapsed;
    }

    /** Empty until the engine has an ETA. */
    public StringBinding eta() {
        return eta;
    }

    public StringBinding tokens() {
        return tokens;
    }

    public StringBinding cost() {
        return cost;
    }

    /** "2 queued", or empty. */
    public StringBinding queued() {
        return queued;
    }

    /** 0 to 1, for the progress bar. */
    public DoubleBinding progress() {
        return progress;
    }
}
