package dev.goldsmith.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.ai.Pricing;
import dev.goldsmith.ai.ProviderKind;
import dev.goldsmith.ai.ProviderSettings;
import dev.goldsmith.store.StoreKind;
import dev.goldsmith.vault.QualityTier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 13.6: a batch resumed with other settings than it started with (options given to {@code resume}, "use the
 * current settings" in the window) records the settings it now runs with in its metadata — the model History shows,
 * the concurrency, an Azure deployment — never the key; resumed as it was, its metadata is left alone.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class ResumeSettingsTest {

    @Parameter
    StoreKind store;

    @TempDir
    Path dir;

    @Test
    void aBatchResumedWithOtherSettingsRecordsWhatItNowRunsWithButNeverTheKey() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(6, QualityTier.BRONZE);
        f.provider.latency(Duration.ofSeconds(1));
        BatchHandle batch = f.service.start(EngineFixture.VAULT, ids, new BatchSettings(EngineFixture.options(1),
                azure("old-4o", "gpt-4o-mini")));
        f.loop.advance(Duration.ofMillis(1500));
        batch.cancel();
        f.finish(batch);
        String before = f.record(batch.batchId()).metadata();
        assertThat(BatchSettings.fromMetadata(before).provider().deployment()).isEqualTo("old-4o");

        BatchHandle resumed = f.service.resume(batch.batchId(), own -> own
                .withOptions(own.options().withConcurrency(3))
                .withProvider(azure("new-4o", "gpt-4o").withApiKey("az-SECRET-0123456789")));
        f.finish(resumed);

        String after = f.record(batch.batchId()).metadata();
        BatchSettings recorded = BatchSettings.fromMetadata(after);
        assertThat(recorded.provider().model()).isEqualTo("gpt-4o");
        assertThat(recorded.provider().deployment()).isEqualTo("new-4o");
        assertThat(recorded.provider().apiVersion()).isEqualTo("2024-06-01");
        assertThat(recorded.options().concurrency()).isEqualTo(3);
        assertThat(recorded.provider().pricing().promptPerMillion()).isEqualByComparingTo("2.5");
        assertThat(after).doesNotContain("az-SECRET");
        assertThat(f.record(batch.batchId()).status()).isEqualTo(BatchStatus.COMPLETED);
    }

    @Test
    void aBatchResumedAsItWasKeepsItsMetadataAsWritten() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(4, QualityTier.BRONZE);
        f.provider.latency(Duration.ofSeconds(1));
        BatchHandle batch = f.start(ids, EngineFixture.options(1));
        f.loop.advance(Duration.ofMillis(1500));
        batch.cancel();
        f.finish(batch);
        String before = f.record(batch.batchId()).metadata();

        f.finish(f.service.resume(batch.batchId(), UnaryOperator.identity()));

        assertThat(f.record(batch.batchId()).metadata()).isEqualTo(before);
    }

    @Test
    void whatTheMetadataHoldsBesideTheSettingsIsKept() {
        BatchSettings started = EngineFixture.settings(EngineFixture.options(2));
        String metadata = started.toMetadata("1.0").replace("}", ",\"learned_limit\":{\"rpm\":42}}");
        BatchSettings review = started.withOptions(started.options().withReview(true));

        String now = BatchSettings.metadataRunningWith(metadata, review, "1.1");

        assertThat(now).contains("\"learned_limit\":{\"rpm\":42}", "\"review\":true", "\"goldsmith_version\":\"1.1\"");
        assertThat(BatchSettings.metadataRunningWith(now, started, "1.1")).doesNotContain("review");
        assertThat(BatchSettings.metadataRunningWith(metadata, started, "1.1")).as("nothing changed").isNull();
    }

    private static ProviderSettings azure(String deployment, String model) {
        return new ProviderSettings(ProviderKind.AZURE, "https://acme.openai.azure.com", model, null, 0.7, 500,
                Duration.ofSeconds(30), 1, model.equals("gpt-4o") ? Pricing.perMillion(2.5, 10) : Pricing.FREE)
                .withDeployment(deployment).withApiVersion("2024-06-01");
    }
}
