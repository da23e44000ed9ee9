package dev.goldsmith.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.goldsmith.store.StoreKind;
import dev.goldsmith.ai.Enhancers;
import dev.goldsmith.ai.OpenAiEnhancer;
import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.Pricing;
import dev.goldsmith.ai.ProviderKind;
import dev.goldsmith.ai.ProviderSettings;
import dev.goldsmith.store.TableSnapshot;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.VaultItem;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Estimates are computed locally: nothing is sent, and the figures come from the provider, the history and the caps. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class EstimatorTest {

    @Parameter
    StoreKind store;


    @TempDir
    Path dir;

    @Test
    void anEstimateAgainstARealServerSendsNothingAndStatesItsAssumptions() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            EngineFixture f = new EngineFixture(dir, store, Enhancers::create);
            f.addItems(3, QualityTier.BRONZE);
            f.addItems("g", 1, QualityTier.GOLD);
            ProviderSettings provider = new ProviderSettings(ProviderKind.OPENAI, server.url("/v1").toString(),
                    "gpt-4o-mini", null, 0.7, 500, Duration.ofSeconds(30), 2, Pricing.perMillion(0.15, 0.60));
            BatchSettings settings = new BatchSettings(EngineFixture.options(2), provider);
            var snapshot = TableSnapshot.of(f.db);

            Estimate e = f.service.estimator().estimate(EngineFixture.VAULT, List.of(), settings);

            assertThat(server.getRequestCount()).as("nothing was sent").isZero();
            assertThat(TableSnapshot.of(f.db)).as("nothing was written").isEqualTo(snapshot);
            assertThat(e.items()).isEqualTo(4);
            assertThat(e.toSend()).isEqualTo(3);
            assertThat(e.skipped()).as("gold is skipped by enhance").isEqualTo(1);
            long prompt = 0;
            try (OpenAiEnhancer openai = new OpenAiEnhancer(provider)) {
                for (VaultItem item : f.items.list(EngineFixture.VAULT).subList(0, 3)) {
                    prompt += openai.estimateTokens(item, Operation.ENHANCE) - 500;
                }
            }
            assertThat(e.promptTokens()).as("the request's tokens without max_tokens").isEqualTo(prompt).isPositive();
            assertThat(e.completionTokens()).isEqualTo(3 * 150);
            assertThat(e.completionSource()).isEqualTo(Estimate.Source.ASSUMED);
            assertThat(e.costUsd()).isEqualByComparingTo(BigDecimal.valueOf(prompt * 0.15 + 450 * 0.60)
                    .divide(BigDecimal.valueOf(1_000_000)).setScale(6, java.math.RoundingMode.HALF_UP));
            assertThat(e.latencySource()).isEqualTo(Estimate.Source.ASSUMED);
            assertThat(e.duration()).as("two waves of 2 s").isEqualTo(Duration.ofSeconds(4));
            assertThat(e.bound()).isEqualTo(Estimate.Bound.CONCURRENCY);
            assertThat(e.notes()).containsExactly(
                    "Completion tokens: assumed 150 a call (no answers of openai gpt-4o-mini with token usage yet).",
                    "Latency: assumed 2.0 s a call (no answers of openai gpt-4o-mini yet).",
                    "Duration: 3 calls, 2 at a time.");
            assertThat(server.getRequestCount()).isZero();
        }
    }

    @Test
    void theRecentCallsOfTheSameProviderAndModelGiveCompletionsAndLatency() {
        EngineFixture f = new EngineFixture(dir, store);
        f.addItems(6, QualityTier.BRONZE);
        f.provider.latency(Duration.ofSeconds(3)).tokensPerRequest(600);
        BatchSettings settings = new BatchSettings(EngineFixture.options(2), new ProviderSettings(ProviderKind.OPENAI,
                "http://127.0.0.1:9/v1", "m", null, 0.7, 500, Duration.ofSeconds(30), 2, Pricing.perMillion(1, 2)));
        f.finish(f.service.start(EngineFixture.VAULT, List.of("i0", "i1", "i2"), settings)); // usage 100 + 50 each
        BatchSettings otherModel = settings.withProvider(new ProviderSettings(ProviderKind.OPENAI,
                "http://127.0.0.1:9/v1", "other", null, 0.7, 500, Duration.ofSeconds(30), 2, Pricing.FREE));
        f.provider.latency(Duration.ofSeconds(30));
        f.finish(f.service.start(EngineFixture.VAULT, List.of("i3"), otherModel)); // not the same model: not counted

        Estimate e = f.service.estimator().estimate(EngineFixture.VAULT, List.of(), settings);

        assertThat(e.toSend()).isEqualTo(6);
        assertThat(e.promptTokens()).isEqualTo(6 * 100);
        assertThat(e.completionSource()).isEqualTo(Estimate.Source.HISTORY);
        assertThat(e.completionTokens()).isEqualTo(6 * 50);
        assertThat(e.costUsd()).isEqualByComparingTo("0.001200"); // 600 × $1 + 300 × $2 per million
        assertThat(e.latencySource()).isEqualTo(Estimate.Source.HISTORY);
        assertThat(e.duration()).as("three waves of 3 s").isEqualTo(Duration.ofSeconds(9));
        assertThat(e.notes()).contains("Completion tokens: 50 a call, the average of the last 3 answers of openai m.",
                "Latency: 3.0 s a call, the average of the last 3 answers of openai m.");

        Estimate byRpm = f.service.estimator().estimate(EngineFixture.VAULT, List.of(),
                settings.withOptions(settings.options().withRpm(6)));
        assertThat(byRpm.bound()).isEqualTo(Estimate.Bound.RPM);
        assertThat(byRpm.duration()).as("one every 10 s, and the last one's latency").isEqualTo(Duration.ofSeconds(53));

        Estimate byTpm = f.service.estimator().estimate(EngineFixture.VAULT, List.of(),
                settings.withOptions(settings.options().withTpm(1200)));
        assertThat(byTpm.bound()).isEqualTo(Estimate.Bound.TPM);
        assertThat(byTpm.duration()).as("600 tokens a request, 2 requests a minute").isEqualTo(Duration.ofSeconds(153));
        assertThat(byTpm.notes()).last().isEqualTo("Duration: 6 calls paced at 1200 tokens a minute (tpm), each"
                + " counting its prompt and max_tokens.");
    }

    @Test
    void theOfflineRulesEngineCostsNothingAndTheSelectionIsChecked() {
        EngineFixture f = new EngineFixture(dir, store, Enhancers::create);
        f.addItems(2, QualityTier.BRONZE);

        Estimate e = f.service.estimator().estimate(EngineFixture.VAULT, List.of("i1"),
                EngineFixture.settings(EngineFixture.options(5)));

        assertThat(e.items()).isEqualTo(1);
        assertThat(e.promptTokens()).isZero();
        assertThat(e.completionTokens()).isZero();
        assertThat(e.costUsd()).isZero();
        assertThat(e.completionSource()).isEqualTo(Estimate.Source.NONE);
        assertThat(e.duration()).isEqualTo(Duration.ofMillis(20));
        assertThat(e.notes()).first().isEqualTo("Tokens and cost: none, the rules provider uses no tokens.");
        assertThat(e.exceeds(ConfirmThreshold.DEFAULT)).isFalse();
        assertThat(e.exceeds(new ConfirmThreshold(0, BigDecimal.ONE))).isTrue();

        assertThatThrownBy(() -> f.service.estimator().estimate(EngineFixture.VAULT, List.of("i1", "zz"),
                EngineFixture.settings(EngineFixture.options(5)))).isInstanceOf(BatchRequestException.class)
                .hasMessage("Vault 'v-test' has no item 'zz'.");
        assertThatThrownBy(() -> f.service.estimator().estimate("nope", List.of(),
                EngineFixture.settings(EngineFixture.options(5))))
                .hasMessage("No vault with id 'nope'; run 'goldsmith vaults' to list them.");
    }
}
