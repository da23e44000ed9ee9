package dev.goldsmith.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.ai.Operation;
import dev.goldsmith.store.Database;
import dev.goldsmith.store.SettingsRepository;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Review mode as a saved default and as part of a batch's recorded settings; the confirmation threshold. */
class ReviewSettingsTest {

    @TempDir
    Path dir;

    @Test
    void reviewModeIsKeptInTheMetadataOnlyWhenOn() {
        BatchSettings on = EngineFixture.settings(EngineFixture.options(2).withReview(true));
        BatchSettings off = EngineFixture.settings(EngineFixture.options(2));

        assertThat(on.toMetadata("t")).contains("\"review\":true");
        assertThat(off.toMetadata("t")).doesNotContain("review");
        assertThat(BatchSettings.fromMetadata(on.toMetadata("t")).options().review()).isTrue();
        assertThat(BatchSettings.fromMetadata(off.toMetadata("t")).options().review()).isFalse();
        assertThat(BatchSettings.fromMetadata("{}").options().review()).as("batches from before review mode").isFalse();

        String turnedOn = BatchSettings.metadataWithReview(off.toMetadata("t"), true);
        assertThat(BatchSettings.fromMetadata(turnedOn).options()).isEqualTo(on.options());
        assertThat(BatchSettings.fromMetadata(BatchSettings.metadataWithReview(turnedOn, false)).options())
                .isEqualTo(off.options());
        assertThat(on.options().withConcurrency(7).withRpm(3).withMaxAttempts(2).review()).as("kept by every with…")
                .isTrue();
    }

    @Test
    void theSavedDefaultAndTheConfirmationThresholdRoundTrip() {
        BatchDefaults defaults = new BatchDefaults(new SettingsRepository(Database.open(dir.resolve("s.db")),
                Clock.systemUTC()));
        assertThat(defaults.load(Operation.ENHANCE).options().review()).isFalse();
        assertThat(defaults.confirmThreshold()).isEqualTo(new ConfirmThreshold(500, BigDecimal.ONE));

        BatchSettings s = defaults.load(Operation.ENHANCE);
        defaults.save(s.withOptions(s.options().withReview(true)));
        defaults.saveConfirmThreshold(new ConfirmThreshold(50, new BigDecimal("0.25")));

        assertThat(defaults.load(Operation.ENHANCE).options().review()).isTrue();
        assertThat(defaults.load(Operation.KEYWORD_SUGGEST).options().review()).isTrue();
        assertThat(defaults.confirmThreshold()).isEqualTo(new ConfirmThreshold(50, new BigDecimal("0.25")));
    }
}
