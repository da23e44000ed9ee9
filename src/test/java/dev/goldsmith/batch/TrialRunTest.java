package dev.goldsmith.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.goldsmith.store.StoreKind;
import dev.goldsmith.ai.Enhancers;
import dev.goldsmith.ai.FailureKind;
import dev.goldsmith.ai.EnhanceResult;
import dev.goldsmith.ai.Pricing;
import dev.goldsmith.ai.ProviderKind;
import dev.goldsmith.ai.ProviderSettings;
import dev.goldsmith.ai.Usage;
import dev.goldsmith.store.TableSnapshot;
import dev.goldsmith.vault.QualityTier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Try on 3": the operation on a few sample items, before and after returned, not one row written anywhere. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class TrialRunTest {

    @Parameter
    StoreKind store;


    @TempDir
    Path dir;

    @Test
    void threeItemsAreSentToARealServerAndNothingIsWritten() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            for (int i = 0; i < 3; i++) {
                server.enqueue(completion("{\"enhanced_content\": \"Led project rollout " + i + "\", \"new_tier\":"
                        + " \"silver\", \"suggested_keywords\": [\"delivery\"]}"));
            }
            server.start();
            EngineFixture f = new EngineFixture(dir, store, Enhancers::create);
            f.addItems("g", 1, QualityTier.GOLD);
            f.addItems(5, QualityTier.BRONZE);
            BatchSettings settings = new BatchSettings(EngineFixture.options(5), new ProviderSettings(
                    ProviderKind.OPENAI, server.url("/v1").toString(), "m", "sk-trial-0123456789", 0.7, 500,
                    Duration.ofSeconds(30), 5, Pricing.FREE));
            var snapshot = TableSnapshot.of(f.db);

            List<TrialRun.Outcome> outcomes = f.service.trials().run(EngineFixture.VAULT, List.of(), settings,
                    TrialRun.SAMPLES).get(30, TimeUnit.SECONDS);

            assertThat(server.getRequestCount()).isEqualTo(3);
            assertThat(TableSnapshot.of(f.db)).as("no batch, item, version or proposal row").isEqualTo(snapshot);
            assertThat(outcomes).extracting(o -> o.before().id()).as("the first three it would send; gold is skipped")
                    .containsExactly("i0", "i1", "i2");
            assertThat(outcomes).allSatisfy(o -> {
                assertThat(o.succeeded()).isTrue();
                assertThat(o.before().content()).startsWith("Helped with project ");
                assertThat(o.after().content()).startsWith("Led project rollout ");
                assertThat(o.after().tier()).isEqualTo(QualityTier.SILVER);
                assertThat(o.after().keywords()).containsExactly("delivery");
                assertThat(o.unchanged()).isFalse();
            });
        }
    }

    @Test
    void failuresAndUnchangedAnswersAreReportedAndCallsStayWithinTheConcurrency() {
        EngineFixture f = new EngineFixture(dir, store);
        f.addItems(4, QualityTier.BRONZE);
        f.provider.latency(Duration.ofSeconds(1))
                .fail("i0", FailureKind.PERMANENT, 400, null)
                .then("i1", Duration.ofSeconds(1), i -> new EnhanceResult.Success(i.content(), i.tier(), i.keywords(),
                        null, "scripted", Usage.NONE, Duration.ofSeconds(1)));
        var snapshot = TableSnapshot.of(f.db);

        CompletableFuture<List<TrialRun.Outcome>> trial = f.service.trials().run(EngineFixture.VAULT,
                List.of("i0", "i1", "i2", "i3"), EngineFixture.settings(EngineFixture.options(1)), 3);
        f.loop.runUntil(trial::isDone);
        List<TrialRun.Outcome> outcomes = trial.join();

        assertThat(f.loop.elapsed()).as("one at a time").isEqualTo(Duration.ofSeconds(3));
        assertThat(f.provider.calls()).extracting(ScriptedEnhancer.Call::at).as("each sent when the one before ended")
                .containsExactly(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(outcomes).hasSize(3);
        assertThat(outcomes.get(0).succeeded()).isFalse();
        assertThat(outcomes.get(0).error()).isEqualTo("scripted PERMANENT 400");
        assertThat(outcomes.get(1).unchanged()).isTrue();
        assertThat(outcomes.get(2).after().content()).isEqualTo("Improved: Helped with project 2");
        assertThat(f.provider.callsOf("i3")).as("only three were tried").isEmpty();
        assertThat(TableSnapshot.of(f.db)).isEqualTo(snapshot);
    }

    @Test
    void cancellingATrialAbortsItsCalls() {
        EngineFixture f = new EngineFixture(dir, store);
        f.addItems(2, QualityTier.BRONZE);
        f.provider.hang("i0").hang("i1");

        CompletableFuture<List<TrialRun.Outcome>> trial = f.service.trials().run(EngineFixture.VAULT, List.of(),
                EngineFixture.settings(EngineFixture.options(2)), 3);
        f.loop.runUntilIdle();
        assertThat(f.provider.inFlight()).isEqualTo(2);
        trial.cancel(true);

        assertThat(f.provider.inFlight()).isZero();
        assertThat(f.provider.calls()).allSatisfy(c -> assertThat(c.future().isCancelled()).isTrue());
    }

    @Test
    void aSelectionWithNothingToSendIsRefused() {
        EngineFixture f = new EngineFixture(dir, store);
        f.addItems("g", 2, QualityTier.GOLD);

        assertThatThrownBy(() -> f.service.trials().run(EngineFixture.VAULT, List.of(),
                EngineFixture.settings(EngineFixture.options(2)), 3)).isInstanceOf(BatchRequestException.class)
                .hasMessage("No items to try: enhance skips gold items, and every selected item is gold.");
        assertThat(f.provider.calls()).isEmpty();
    }

    private static MockResponse completion(String content) {
        String body = "{\"id\": \"c1\", \"object\": \"chat.completion\", \"model\": \"m\", \"choices\": [{\"index\": 0,"
                + " \"finish_reason\": \"stop\", \"message\": {\"role\": \"assistant\", \"content\": "
                + com.fasterxml.jackson.databind.node.TextNode.valueOf(content) + "}}],"
                + " \"usage\": {\"prompt_tokens\": 90, \"completion_tokens\": 30, \"total_tokens\": 120}}";
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
    }
}
