package dev.goldsmith.ai;

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
 * Issue 13.1, checked on the sources: inside {@code ai} no code compares provider names as strings — it asks
 * {@link ProviderKind} — and no code tells operations apart with {@code op == Operation.X ?} ternaries or
 * {@code if}s: each asks the operation or switches over it exhaustively. ({@code ProviderKind} itself holds the ids,
 * and {@code ProviderSettings} keeps its two string constants for callers outside {@code ai}.) The other packages
 * adopt the types next (see the round's report); widen {@link #ROOTS} as they do.
 */
class ProviderNamesTest {

    private static final List<Path> ROOTS = List.of(Path.of("src/main/java/dev/goldsmith/ai"));
    private static final Set<String> HOLDERS = Set.of("ProviderKind.java");

    private static final String NAME = "\"(?:rules|openai|azure|anthropic)\"";
    /** A provider name compared: {@code "openai".equals(x)}, {@code x.equals("openai")}, {@code case "openai"}, the constants. */
    private static final Pattern COMPARISON = Pattern.compile(NAME + "\\s*\\.equals|equals(?:IgnoreCase)?\\(\\s*" + NAME
            + "|case\\s+" + NAME + "|ProviderSettings\\.(?:RULES|OPENAI)\\b|==\\s*" + NAME);
    /** An operation told apart by a comparison instead of a method or an exhaustive switch. */
    private static final Pattern OPERATION_TEST = Pattern.compile("[!=]=\\s*Operation\\.[A-Z_]+|Operation\\.[A-Z_]+\\s*[!=]=");

    @Test
    void noProviderNameIsComparedAndNoOperationIsToldApartByEquality() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path root : ROOTS) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String name = file.getFileName().toString();
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        String line = lines.get(i);
                        if (line.strip().startsWith("*") || line.strip().startsWith("//")) {
                            continue;
                        }
                        Matcher c = COMPARISON.matcher(line);
                        if (c.find() && !HOLDERS.contains(name)) {
                            found.add(name + ":" + (i + 1) + ": " + line.strip());
                        }
                        if (OPERATION_TEST.matcher(line).find()) {
                            found.add(name + ":" + (i + 1) + ": " + line.strip());
                        }
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void thePatternsFindWhatTheyAreFor() {
        assertThat(COMPARISON.matcher("if (ProviderSettings.OPENAI.equals(provider)) {").find()).isTrue();
        assertThat(COMPARISON.matcher("return \"anthropic\".equals(id);").find()).isTrue();
        assertThat(COMPARISON.matcher("case \"azure\" -> x;").find()).isTrue();
        assertThat(COMPARISON.matcher("name.equalsIgnoreCase(\"rules\")").find()).isTrue();
        assertThat(COMPARISON.matcher("return kind.id();").find()).isFalse();
        assertThat(OPERATION_TEST.matcher("return operation == Operation.ENHANCE ? a : b;").find()).isTrue();
        assertThat(OPERATION_TEST.matcher("if (Operation.KEYWORD_SUGGEST != op)").find()).isTrue();
        assertThat(OPERATION_TEST.matcher("case ENHANCE -> enhance(json, item);").find()).isFalse();
    }
}
