package dev.goldsmith.ui.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.batch.BatchStatus;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch left behind by a process that died is offered for resume at start-up; yes runs it to the end. */
class InterruptedBatchTest {

    @TempDir
    Path dir;

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final LoopbackProvider provider = LoopbackProvider.gated();
    private BatchFixture f;

    @AfterEach
    void close() {
        provider.allow(1_000);
        f.close();
    }

    @Test
    void anInterruptedBatchIsOfferedAndResumedWhenTheUserAgrees() throws Exception {
        String id = leaveABatchBehindByADeadProcess();

        f.live.offerResumeOfInterrupted();
        f.awaitIdle();

        assertThat(f.dialogs.questions).singleElement().asString()
                .startsWith("Resume an interrupted batch?: The Enhance batch on vault v-jordan stopped at 0 of 2 items");
        assertThat(f.record(id).status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(f.record(id).successfulItems()).isEqualTo(2);
        assertThat(f.live.snapshotProperty().get().batchId()).isEqualTo(id);
    }

    @Test
    void declinedItStaysInterrupted() throws Exception {
        String id = leaveABatchBehindByADeadProcess();
        f.dialogs.answer(false);

        f.live.offerResumeOfInterrupted();

        assertThat(f.dialogs.questions).hasSize(1);
        assertThat(f.live.busyProperty().get()).isFalse();
        assertThat(f.record(id).status()).isEqualTo(BatchStatus.INTERRUPTED);

        f.live.offerResumeOfInterrupted(); // the next start-up
        assertThat(f.dialogs.questions).as("declined once, not asked again; History still offers Resume").hasSize(1);
    }

    /** Runs a batch, cancels it, then makes its row look like a live batch of another process whose heartbeat stopped. */
    private String leaveABatchBehindByADeadProcess() throws Exception {
        f = new BatchFixture(dir);
        server.setDispatcher(provider);
        LoopbackProvider.useFor(f.services, server);
        f.launch.loadDefaults();
        f.select("pp-1", "hc-1");
        f.launch.start();
        provider.awaitRequest();
        f.live.cancel();
        f.awaitIdle();
        String id = f.live.snapshotProperty().get().batchId();
        f.services.database().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE batch_operations SET status = 'processing',"
                    + " owner_id = '4242@elsewhere#abcd', heartbeat_at = '2026-11-28T09:00:00Z' WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate();
            }
        });
        provider.allow(1_000);
        return id;
    }
}
