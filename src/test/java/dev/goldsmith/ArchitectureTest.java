package dev.goldsmith;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The package rules of docs/architecture.md, checked on the sources: who may import whom. */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/dev/goldsmith");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);

    /** Package → prefixes its classes must not import. */
    private static final Map<String, List<String>> FORBIDDEN = Map.of(
            "vault", List.of("dev.goldsmith.ai", "dev.goldsmith.store", "dev.goldsmith.batch", "dev.goldsmith.cli",
                    "dev.goldsmith.ui", "javafx"),
            "ai", List.of("dev.goldsmith.store", "dev.goldsmith.batch", "dev.goldsmith.cli", "dev.goldsmith.ui", "javafx"),
            "store", List.of("dev.goldsmith.batch", "dev.goldsmith.cli", "dev.goldsmith.ui", "javafx"),
            "batch", List.of("dev.goldsmith.cli", "dev.goldsmith.ui", "javafx"),
            "review", List.of("dev.goldsmith.batch", "dev.goldsmith.cli", "dev.goldsmith.ui", "javafx"),
            "cli", List.of("dev.goldsmith.ui", "javafx"),
            "ui", List.of("dev.goldsmith.cli"));

    @Test
    void packagesImportOnlyWhatTheArchitectureAllows() throws IOException {
        List<String> violations = new ArrayList<>();
        for (var rule : FORBIDDEN.entrySet()) {
            try (Stream<Path> files = Files.walk(MAIN.resolve(rule.getKey()))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = IMPORT.matcher(Files.readString(file));
                    while (m.find()) {
                        String imported = m.group(1);
                        if (rule.getValue().stream().anyMatch(imported::startsWith)) {
                            violations.add(MAIN.relativize(file) + " imports " + imported);
                        }
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void viewModelsHoldStateNotNodes() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN.resolve("ui"))) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith("ViewModel.java")).toList()) {
                if (Files.readString(file).contains("import javafx.scene")) {
                    violations.add(MAIN.relativize(file).toString());
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theMainClassTouchesJavaFxOnlyThroughGui() throws IOException {
        assertThat(Files.readString(MAIN.resolve("Main.java"))).doesNotContain("import javafx");
    }
}
