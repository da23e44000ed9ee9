package dev.goldsmith.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.ProviderSettings;
import dev.goldsmith.vault.QualityTier;
import java.nio.file.Path;
import java.util.List;
import dev.goldsmith.store.StoreKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The learned limit kept in a batch's metadata beside its settings. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class LearnedLimitsTest {

    @Parameter
    StoreKind store;

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theLearnedLimitIsWrittenBesideTheSettingsAndReadBack() throws Exception {
        BatchSettings settings = new BatchSettings(BatchOptions.defaults(Operation.ENHANCE).withRpm(0), ProviderSettings.rules());
        String metadata = settings.toMetadata("test");

        String learned = BatchSettings.withLearnedLimits(metadata, new LearnedLimits(594.04, 0, LearnedLimits.Source.RATE_LIMITS));

        assertThat(JSON.readTree(learned).get("learned_rpm").asDouble()).isEqualTo(594.0);
        assertThat(JSON.readTree(learned).get("learned_from").asText()).isEqualTo("429s");
        assertThat(JSON.readTree(learned).has("learned_tpm")).isFalse();
        assertThat(BatchSettings.learnedLimits(learned)).isEqualTo(new LearnedLimits(594.0, 0, LearnedLimits.Source.RATE_LIMITS));
        assertThat(BatchSettings.fromMetadata(learned)).as("the settings are untouched").isEqualTo(BatchSettings.fromMetadata(metadata));
        String cleared = BatchSettings.withLearnedLimits(learned, LearnedLimits.NONE);
        assertThat(JSON.readTree(cleared)).isEqualTo(JSON.readTree(metadata));
    }

    @Test
    void missingOrUnreadableMetadataHasNoLearnedLimit() {
        assertThat(BatchSettings.learnedLimits(null)).isEqualTo(LearnedLimits.NONE);
        assertThat(BatchSettings.learnedLimits("{not json")).isEqualTo(LearnedLimits.NONE);
        assertThat(BatchSettings.learnedLimits("{\"learned_rpm\": -3, \"learned_from\": \"429s\"}")).isEqualTo(LearnedLimits.NONE);
        assertThat(BatchSettings.learnedLimits("{\"learned_rpm\": 600, \"learned_from\": \"guess\"}").source())
                .isEqualTo(LearnedLimits.Source.NONE);
    }

    @Test
    void onlyTheOwnerOfABatchRewritesItsMetadata() throws Exception {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(1, QualityTier.BRONZE);
        BatchSnapshot end = f.finish(f.start(ids, EngineFixture.options(1)));
        BatchRecord record = f.record(end.batchId());

        assertThat(f.store.updateMetadata(record.id(), "someone-else", m -> "{}")).isFalse();
        assertThat(f.record(end.batchId()).metadata()).isEqualTo(record.metadata());
        assertThat(f.store.updateMetadata(record.id(), record.ownerId(), m -> m.replace("}", ",\"x\":1}"))).isTrue();
        // (compared as JSON: PostgreSQL's jsonb keeps its own key order and spacing)
        assertThat(JSON.readTree(f.record(end.batchId()).metadata()).path("x").asInt()).isEqualTo(1);
    }

    @Test
    void aLimitIsWrittenAgainOnlyWhenItMovesByTwoPercentOrChangesSource() {
        LearnedLimits kept = new LearnedLimits(600, 0, LearnedLimits.Source.RATE_LIMITS);
        assertThat(new LearnedLimits(605, 0, LearnedLimits.Source.RATE_LIMITS).differsFrom(kept)).isFalse();
        assertThat(new LearnedLimits(620, 0, LearnedLimits.Source.RATE_LIMITS).differsFrom(kept)).isTrue();
        assertThat(new LearnedLimits(600, 0, LearnedLimits.Source.PROVIDER).differsFrom(kept)).isTrue();
    }
}
