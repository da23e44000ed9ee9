package dev.goldsmith.ui;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Runs tasks on the FX thread at the next animation pulse — the moment before a frame is drawn — so a
 * {@link FrameCoalescer} on it updates the screen at most once per frame. The timer runs only while tasks wait:
 * an idle window does not pulse for it.
 */
public final class NextPulse implements Executor {

    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                task.run();
            }
            stop();
            running.set(false);
            if (!tasks.isEmpty() && running.compareAndSet(false, true)) {
                start(); // something arrived while we were stopping
            }
        }
    };

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (running.compareAndSet(false, true)) {
            if (Platform.isFxApplicationThread()) {
                timer.start();
            } else {
                Platform.runLater(timer::start);
            }
        }
    }
}
