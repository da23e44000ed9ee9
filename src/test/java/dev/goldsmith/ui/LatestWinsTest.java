package dev.goldsmith.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The latest-wins helper of the {@link TaskExecutor} (issue 13.6), in plain Java: on an executor whose work the test
 * finishes in any order, only the newest load's result or failure is delivered; on {@link SameThreadTaskExecutor}
 * every load is the newest when it finishes.
 */
class LatestWinsTest {

    /** Holds each piece of work until the test finishes it, in whatever order the test likes. */
    static final class HeldExecutor implements TaskExecutor {

        final class Held<T> {
            final Callable<T> work;
            final Consumer<? super T> onSuccess;
            final Consumer<? super Throwable> onFailure;

            Held(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
                this.work = work;
                this.onSuccess = onSuccess;
                this.onFailure = onFailure;
            }

            void finish() throws Exception {
                onSuccess.accept(work.call());
            }

            void fail(Throwable e) {
                onFailure.accept(e);
            }
        }

        final List<Held<?>> held = new ArrayList<>();

        @Override
        public <T> Handle submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            held.add(new Held<>(work, onSuccess, onFailure));
            return new Handle() {
                @Override
                public void cancel() {
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            };
        }

        @Override
        public void runOnUi(Runnable action) {
            action.run();
        }

        @Override
        public void close() {
        }
    }

    private final HeldExecutor executor = new HeldExecutor();
    private final LatestWins loads = executor.latestWins();
    private final List<String> shown = new ArrayList<>();

    private void load(String value) {
        loads.submit(() -> value, shown::add, e -> shown.add("failed: " + e.getMessage()));
    }

    @Test
    void aSlowOlderLoadThatFinishesLastIsDroppedTheNewestIsShown() throws Exception {
        load("vault A");
        load("vault B");

        executor.held.get(1).finish();
        executor.held.get(0).finish();

        assertThat(shown).containsExactly("vault B");
    }

    @Test
    void anOlderLoadsFailureDoesNotHideTheNewerResultNorDoesAnOlderSuccessReplaceANewerFailure() throws Exception {
        load("first");
        load("second");
        executor.held.get(1).finish();
        executor.held.get(0).fail(new IllegalStateException("database locked"));
        assertThat(shown).containsExactly("second");

        load("third");
        load("fourth");
        executor.held.get(3).fail(new IllegalStateException("disk full"));
        executor.held.get(2).finish();
        assertThat(shown).containsExactly("second", "failed: disk full");
    }

    @Test
    void aNewTurnWithoutALoadDropsTheLoadsUnderWay() throws Exception {
        load("items of a vault since closed");
        loads.next(); // the vault was closed: nothing to show

        executor.held.get(0).finish();

        assertThat(shown).isEmpty();
    }

    @Test
    void aQuietTurnGivesWayToALoadBegunAfterItButDropsNothing() throws Exception {
        load("reload");
        LatestWins.Turn quiet = loads.current();
        assertThat(quiet.isLatest()).isTrue();
        executor.held.get(0).finish();
        assertThat(shown).as("the quiet turn did not supersede the load under way").containsExactly("reload");

        load("newer reload");
        assertThat(quiet.isLatest()).isFalse();
    }

    @Test
    void linesAreApartAndOnTheSameThreadExecutorEachLoadIsShown() {
        LatestWins other = executor.latestWins();
        load("vaults");
        other.next(); // another line's turn (the items) does not drop the vault list
        try {
            executor.held.get(0).finish();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(shown).containsExactly("vaults");

        LatestWins sameThread = new SameThreadTaskExecutor().latestWins();
        List<String> seen = new ArrayList<>();
        sameThread.submit(() -> "one", seen::add, e -> { });
        sameThread.submit(() -> "two", seen::add, e -> { });
        assertThat(seen).containsExactly("one", "two");
    }

    @Test
    void noViewModelKeepsAHandWrittenIsThisLoadStillCurrentCounter() throws IOException {
        Pattern counter = Pattern.compile("long \\w+ = \\+\\+\\w+;|if \\(\\w+ == \\w+(Loads|loads|Checks)\\)");
        assertThat(counter.matcher("        long load = ++loads;").find()).isTrue();
        assertThat(counter.matcher("            if (check == focusChecks) {").find()).isTrue();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/goldsmith/ui"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("LatestWins.java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (counter.matcher(lines.get(i)).find()) {
                        found.add(file.getFileName() + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(found).as("use TaskExecutor.latestWins()").isEmpty();
    }
}
