package dev.goldsmith;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 13.1, checked on every source file of every package: no code compares provider names as strings — it asks
 * {@code ProviderKind} (the one holder of the ids) — and no code tells operations apart with {@code op == Operation.X}
 * ternaries or {@code if}s: each asks the operation or switches over it exhaustively, so a new constant makes the
 * compiler list every place to handle.
 */
class ProviderNamesTest {

    private static final Path MAIN = Path.of("src/main/java/dev/goldsmith");
    /** Where the provider ids are written down: the type itself, and its presets (whose ids are not kinds). */
    private static final Set<String> HOLDERS = Set.of("ProviderKind.java", "ProviderPreset.java");

    private static final String NAME = "\"(?:rules|openai|azure|anthropic)\"";
    /** A provider name compared: {@code "openai".equals(x)}, {@code x.equals("openai")}, {@code case "openai"}, a string constant. */
    private static final Pattern COMPARISON = Pattern.compile(NAME + "\\s*\\.equals|equals(?:IgnoreCase)?\\(\\s*" + NAME
            + "|case\\s+" + NAME + "|ProviderSettings\\.(?:RULES|OPENAI)\\b|[!=]=\\s*" + NAME + "|" + NAME + "\\s*[!=]="
            + "|\\.provider\\(\\)\\.(?:equals|equalsIgnoreCase)\\(|\\.id\\(\\)\\.equals\\(\\s*" + NAME);
    /** An operation told apart by a comparison instead of a method or an exhaustive switch. */
    private static final Pattern OPERATION_TEST = Pattern.compile("[!=]=\\s*(?:\\w+\\.)*Operation\\.[A-Z_]+"
            + "|(?:\\w+\\.)*Operation\\.[A-Z_]+\\s*[!=]=|Operation\\.[A-Z_]+\\.equals\\(");

    @Test
    void noProviderNameIsComparedAndNoOperationIsToldApartByEqualityAnywhere() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String name = file.getFileName().toString();
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
                        continue;
                    }
                    String where = MAIN.relativize(file) + ":" + (i + 1) + ": " + line;
                    if (COMPARISON.matcher(line).find() && !HOLDERS.contains(name)) {
                        found.add(where);
                    }
                    if (OPERATION_TEST.matcher(line).find()) {
                        found.add(where);
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void everyPackageIsSearched() throws IOException {
        try (Stream<Path> dirs = Files.list(MAIN)) {
            assertThat(dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).toList())
                    .contains("ai", "batch", "cli", "store", "ui", "vault");
        }
    }

    @Test
    void thePatternsFindWhatTheyAreFor() {
        assertThat(COMPARISON.matcher("if (ProviderSettings.OPENAI.equals(provider)) {").find()).isTrue();
        assertThat(COMPARISON.matcher("return \"anthropic\".equals(id);").find()).isTrue();
        assertThat(COMPARISON.matcher("case \"azure\" -> x;").find()).isTrue();
        assertThat(COMPARISON.matcher("name.equalsIgnoreCase(\"rules\")").find()).isTrue();
        assertThat(COMPARISON.matcher("if (p.provider().equals(q.provider()))").find()).isTrue();
        assertThat(COMPARISON.matcher("return kind.id().equals(\"openai\");").find()).isTrue();
        assertThat(COMPARISON.matcher("boolean openai = name == \"openai\";").find()).isTrue();
        assertThat(COMPARISON.matcher("return kind.id();").find()).isFalse();
        assertThat(COMPARISON.matcher("return a.kind() == b.kind();").find()).isFalse();
        assertThat(OPERATION_TEST.matcher("return operation == Operation.ENHANCE ? a : b;").find()).isTrue();
        assertThat(OPERATION_TEST.matcher("if (Operation.KEYWORD_SUGGEST != op)").find()).isTrue();
        assertThat(OPERATION_TEST.matcher("b.operation() == dev.goldsmith.ai.Operation.ENHANCE ? x : y").find()).isTrue();
        assertThat(OPERATION_TEST.matcher("if (Operation.ENHANCE.equals(op))").find()).isTrue();
        assertThat(OPERATION_TEST.matcher("case ENHANCE -> enhance(json, item);").find()).isFalse();
        assertThat(OPERATION_TEST.matcher("if (settings.options().operation() != record.operation()) {").find())
                .as("two operations compared with each other name no constant").isFalse();
    }
}
