package dev.goldsmith.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.goldsmith.store.StoreKind;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.goldsmith.ai.FailureKind;
import dev.goldsmith.vault.QualityTier;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The log tells when a batch starts and how it ended, with its counts; each failed attempt only at DEBUG. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class BatchLoggingTest {

    @Parameter
    StoreKind store;


    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger service = (Logger) LoggerFactory.getLogger(BatchService.class);
    private final Logger run = (Logger) LoggerFactory.getLogger(BatchRun.class);
    private Level runLevel;

    @BeforeEach
    void capture() {
        log.start();
        service.addAppender(log);
        run.addAppender(log);
        runLevel = run.getLevel();
        run.setLevel(Level.DEBUG);
    }

    @AfterEach
    void release() {
        service.detachAppender(log);
        run.detachAppender(log);
        run.setLevel(runLevel);
    }

    @Test
    void startAndEndAreLoggedWithCountsAndAnAllFailedBatchDoesNotReadCompleted() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(8, QualityTier.BRONZE);
        f.provider.answerAll(item -> ScriptedEnhancer.failure(FailureKind.UNREACHABLE, StopRulesTest.REFUSED, 0));

        BatchHandle batch = f.start(ids, EngineFixture.options(1));
        f.finish(batch);

        String id = batch.batchId();
        assertThat(messages(Level.INFO)).contains(
                "batch " + id + " started: enhance of vault v-test, 8 items, 8 to send; provider rules (model rules),"
                        + " concurrency 1, rpm 0, max attempts 3",
                "batch " + id + " ended FAILED: 0 succeeded (0 unchanged), 0 failed, 0 skipped, 8 not done, of 8, in 0:00: "
                        + StopRulesTest.REFUSED);
        assertThat(messages(Level.DEBUG)).hasSize(5).allSatisfy(m -> assertThat(m)
                .startsWith("batch " + id + ": item i").contains(" attempt 1 failed (UNREACHABLE): " + StopRulesTest.REFUSED));
        assertThat(messages(Level.INFO)).noneMatch(m -> m.contains("could not be reached") && m.contains("attempt"));
    }

    private List<String> messages(Level level) {
        return log.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }
}
