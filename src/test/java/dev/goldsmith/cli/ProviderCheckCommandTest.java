package dev.goldsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.store.DataLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderCheckCommandTest {

    private static final String OK_BODY = "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"{}\"}}],"
            + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":1}}";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    /** Runs on a database of its own, never the user's data folder (which another build may have migrated). */
    private int run(Map<String, String> env, String... args) {
        Map<String, String> withDb = new HashMap<>(env);
        withDb.put(DataLocation.DB_ENV, dir.resolve("g.db").toString());
        return Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), withDb);
    }

    private String url() {
        return server.url("/v1").toString();
    }

    @Test
    void theRulesProviderIsAlwaysOk() {
        assertThat(run(Map.of(), "provider-check")).isEqualTo(Cli.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("OK: the rules provider");
    }

    @Test
    void aModelThatAnswersExitsZeroAndTheKeyComesFromTheEnvironment() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body(OK_BODY).build());

        int code = run(Map.of("OPENAI_API_KEY", "sk-env-key"), "provider-check", "--base-url", url(), "--model", "llama3.2");

        assertThat(code).isEqualTo(Cli.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("OK: model llama3.2 answered in ");
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization")).isEqualTo("Bearer sk-env-key");
    }

    @Test
    void aRefusedKeyExitsOneWithThePlainReasonOnStderr() {
        server.enqueue(new MockResponse.Builder().code(401).body("{\"error\":{\"message\":\"bad key\"}}").build());

        int code = run(Map.of("GOLDSMITH_API_KEY", "sk-wrong"), "provider-check", "--provider", "openai", "--base-url", url());

        assertThat(code).isEqualTo(Cli.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("goldsmith: The API key was refused (401); "
                + "check GOLDSMITH_API_KEY or OPENAI_API_KEY." + System.lineSeparator());
        assertThat(err.toString(StandardCharsets.UTF_8) + out.toString(StandardCharsets.UTF_8)).doesNotContain("sk-wrong");
    }

    @Test
    void anUnreachableServerExitsOne() {
        String url = url();
        server.close();

        assertThat(run(Map.of(), "provider-check", "--base-url", url, "--timeout-ms", "3000")).isEqualTo(Cli.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("could not be reached");
    }

    @Test
    void badUsageExitsTwo() {
        assertThat(run(Map.of(), "provider-check", "--provider", "claude")).isEqualTo(Cli.INVALID);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("The provider 'claude' is not one of rules, openai, azure,"
                + " anthropic.");
        assertThat(run(Map.of(), "provider-check", "--base-url", "http://api.example.com/v1")).isEqualTo(Cli.INVALID);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--base-url: Plain http is allowed only");
        assertThat(run(Map.of(), "provider-check", "--api-key", "sk-123")).isEqualTo(Cli.INVALID);
        assertThat(server.getRequestCount()).isZero();
    }
}
