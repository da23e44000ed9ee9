package dev.goldsmith.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.Services;
import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.ProviderSettings;
import dev.goldsmith.batch.BatchOptions;
import dev.goldsmith.batch.BatchRecord;
import dev.goldsmith.batch.BatchSettings;
import dev.goldsmith.store.StoreKind;
import dev.goldsmith.ui.Messages;
import dev.goldsmith.ui.RecordingDialogService;
import dev.goldsmith.ui.SameThreadTaskExecutor;
import dev.goldsmith.ui.TwoConsoles;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two consoles on one store (a shared PostgreSQL database, or one SQLite file): History in one shows, on its next
 * quiet refresh, the batches the other starts; and "mine" keeps to the operator's batches.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class TeamHistoryTest {

    @Parameter
    StoreKind store;

    @TempDir
    Path dir;

    private TwoConsoles consoles;
    private Services colleague;
    private HistoryViewModel vm;

    @BeforeEach
    void twoConsoles() {
        consoles = new TwoConsoles(store, dir, TwoConsoles.item("a", "Helped with the rollout"));
        colleague = consoles.colleague;
        vm = new HistoryViewModel(consoles.mine.batches(), consoles.mine.vaults(), new SameThreadTaskExecutor(),
                new RecordingDialogService(), Messages.load(Locale.ROOT), Clock.systemUTC(), ZoneOffset.UTC);
        vm.reload();
    }

    @AfterEach
    void close() {
        consoles.close();
    }

    private BatchRecord runAtTheColleagues() throws Exception {
        var handle = colleague.batches().start("v1", List.of(), new BatchSettings(
                BatchOptions.defaults(Operation.ENHANCE), ProviderSettings.rules()));
        handle.completion().get(30, TimeUnit.SECONDS);
        return colleague.batches().find(handle.batchId()).orElseThrow();
    }

    @Test
    void aBatchAnotherConsoleRanAppearsOnTheNextRefresh() throws Exception {
        assertThat(vm.batches()).isEmpty();
        BatchRecord theirs = runAtTheColleagues();

        vm.refresh();

        assertThat(vm.batches()).extracting(BatchRecord::id).containsExactly(theirs.id());
        assertThat(vm.loadingProperty().get()).as("quietly").isFalse();
    }

    @Test
    void mineKeepsToTheOperatorsBatches() throws Exception {
        BatchRecord ours = runAtTheColleagues();
        BatchRecord someoneElses = runAtTheColleagues();
        colleague.database().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE batch_operations SET user_id = 'sam' WHERE id = ?")) {
                ps.setString(1, someoneElses.id());
                return ps.executeUpdate();
            }
        });
        vm.reload();
        assertThat(vm.batches()).hasSize(2);

        var filters = vm.filters();
        filters.whoProperty().set(filters.whoChoices().get(1));

        assertThat(filters.whoChoices().get(1).label()).isEqualTo("Only mine");
        assertThat(vm.batches()).extracting(BatchRecord::id).containsExactly(ours.id());
        assertThat(vm.placeholderProperty().get()).isEqualTo(Messages.load(Locale.ROOT).get("history.noMatch"));
    }
}
