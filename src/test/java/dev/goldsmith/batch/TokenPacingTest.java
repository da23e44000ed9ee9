package dev.goldsmith.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.goldsmith.ai.Usage;
import dev.goldsmith.vault.ItemType;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.VaultItem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import dev.goldsmith.store.StoreKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Token limits: a request counts as its estimate (prompt + max_tokens) when it is sent, the estimate is corrected by
 * the answers' usage, and the batch is paced on tokens as on requests — from {@code tpm} and from headers.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class TokenPacingTest {

    @Parameter
    StoreKind store;

    @TempDir
    Path dir;

    @Test
    void aTpmCapIsPacedOnTheCorrectedEstimateSoTheProviderNeverRefuses() {
        // the provider counts prompts 1.6 times what the client estimates; 6,000 tokens a minute, burst of one request
        BucketProvider[] provider = new BucketProvider[1];
        EngineFixture f = new EngineFixture(dir, store, p -> provider[0]);
        provider[0] = new BucketProvider(f.loop).tokens(100, 600).promptScale(1.6).latency(Duration.ofMillis(500))
                .retryAfter(Duration.ofSeconds(1));
        List<String> ids = f.addItems(60, QualityTier.BRONZE);

        BatchHandle batch = f.start(ids, EngineFixture.options(4).withTpm(6_000));
        f.loop.advance(Duration.ofMinutes(2));
        Pacing pacing = batch.latest().pacing();
        BatchSnapshot end = f.finish(batch);

        assertThat(end.succeeded()).isEqualTo(60);
        assertThat(provider[0].limited).as("429s").isLessThanOrEqualTo(1);
        double seconds = f.loop.elapsed().toNanos() / 1e9;
        long counted = provider[0].admitted.stream().mapToLong(BucketProvider.Admitted::tokens).sum();
        assertThat(counted / (100 * seconds + 600)).as("share of the token limit, %.0f s", seconds)
                .isGreaterThanOrEqualTo(0.95);
        assertThat(pacing.reason()).isEqualTo(Pacing.Reason.TPM_SETTING);
        assertThat(pacing.limitPerMinute()).isEqualTo(6_000);
        long perRequest = provider[0].admitted.get(0).tokens();
        assertThat(pacing.requestsPerMinute()).as("6,000 / %d tokens a request", perRequest)
                .isCloseTo(6_000.0 / perRequest, within(0.5));
    }

    @Test
    void theEstimateIsScaledByWhatTheAnswersReport() {
        TokenEstimates estimates = new TokenEstimates(item -> 100 + 500, 500);
        VaultItem a = item("a");
        assertThat(estimates.cost(a)).isEqualTo(new TokenEstimates.Cost(600, 100, 500));

        estimates.learn(600, new Usage(130, 40)); // the provider counted 130 prompt tokens for our 100
        estimates.learn(600, new Usage(130, 80));
        assertThat(estimates.scale()).isCloseTo(1.3, within(1e-9));
        assertThat(estimates.cost(item("b"))).isEqualTo(new TokenEstimates.Cost(630, 130, 500));
        assertThat(estimates.counted(new Usage(130, 40))).as("prompt + max_tokens, not the completion")
                .isEqualTo(630);
    }

    @Test
    void nonsenseUsageDoesNotRunTheScaleAway() {
        TokenEstimates estimates = new TokenEstimates(item -> 600, 500);
        estimates.learn(600, new Usage(1_000_000, 0));
        assertThat(estimates.scale()).isEqualTo(4.0);
        estimates.learn(600, Usage.NONE); // no usage reported: nothing learned
        assertThat(estimates.scale()).isEqualTo(4.0);
        TokenEstimates none = new TokenEstimates(item -> 0, 500);
        assertThat(none.cost(item("x"))).as("a provider without estimates costs nothing")
                .isEqualTo(TokenEstimates.Cost.NONE);
        TokenEstimates broken = new TokenEstimates(item -> {
            throw new IllegalStateException("tokenizer missing");
        }, 500);
        assertThat(broken.cost(item("y"))).isEqualTo(TokenEstimates.Cost.NONE);
    }

    @Test
    void announcedTokenLimitsArePacedJustUnder() {
        BucketProvider[] provider = new BucketProvider[1];
        EngineFixture f = new EngineFixture(dir, store, p -> provider[0]);
        provider[0] = new BucketProvider(f.loop).requests(100, 100).tokens(100, 6_000).retryAfter(Duration.ofSeconds(1))
                .headers(BucketProvider.Headers.OPENAI);
        List<String> ids = f.addItems(60, QualityTier.BRONZE);

        BatchHandle batch = f.start(ids, EngineFixture.options(8));
        f.loop.advance(Duration.ofMinutes(1));
        Pacing pacing = batch.latest().pacing();
        BatchSnapshot end = f.finish(batch);

        assertThat(end.succeeded()).isEqualTo(60);
        assertThat(provider[0].limited).as("429s").isLessThanOrEqualTo(1);
        // once the budget's first minute (6,000 tokens, spent in the first requests) is gone: the pace it allows
        List<BucketProvider.Admitted> admitted = provider[0].admitted;
        BucketProvider.Admitted from = admitted.get(20);
        BucketProvider.Admitted to = admitted.get(admitted.size() - 1);
        long tokens = admitted.subList(21, admitted.size()).stream().mapToLong(BucketProvider.Admitted::tokens).sum();
        double seconds = to.at().minus(from.at()).toNanos() / 1e9;
        assertThat(tokens / seconds / 100).as("share of the token limit after the first 20 requests")
                .isBetween(0.95, 1.0);
        assertThat(pacing.reason()).isEqualTo(Pacing.Reason.PROVIDER_TOKENS);
        assertThat(pacing.limitPerMinute()).isEqualTo(6_000);
        assertThat(BatchSettings.learnedLimits(f.record(batch.batchId()).metadata()))
                .isEqualTo(new LearnedLimits(6_000, 6_000, LearnedLimits.Source.PROVIDER));
    }

    @Test
    void anthropicsOutputTokenLimitPacesByMaxTokens() {
        // 6,000 output tokens a minute: at 500 max_tokens a request, 12 requests a minute
        BucketProvider[] provider = new BucketProvider[1];
        EngineFixture f = new EngineFixture(dir, store, p -> provider[0]);
        provider[0] = new BucketProvider(f.loop).requests(100, 100).inputOutputTokens(1_000, 100)
                .retryAfter(Duration.ofSeconds(1)).headers(BucketProvider.Headers.ANTHROPIC);
        List<String> ids = f.addItems(40, QualityTier.BRONZE);

        BatchHandle batch = f.start(ids, EngineFixture.options(8));
        f.loop.advance(Duration.ofMinutes(1)); // the output budget starts full: 8 at once, then the pace
        Pacing pacing = batch.latest().pacing();
        BatchSnapshot end = f.finish(batch);

        assertThat(end.succeeded()).isEqualTo(40);
        assertThat(provider[0].limited).as("429s").isLessThanOrEqualTo(1);
        assertThat(pacing.reason()).isEqualTo(Pacing.Reason.PROVIDER_TOKENS);
        assertThat(pacing.limitPerMinute()).isEqualTo(6_000);
        assertThat(pacing.requestsPerMinute()).isCloseTo(0.98 * 12, within(0.01));
    }

    private static VaultItem item(String id) {
        return new VaultItem(id, "v", ItemType.POWER_PHRASE, "Helped", QualityTier.BRONZE, List.of(), null, null, null);
    }
}
