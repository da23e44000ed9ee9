package dev.goldsmith.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every screen is included into one window, so an fx:id used twice makes {@code #id} lookups (tests, CSS)
 * find the wrong node. Each id must be unique across the FXML files; only the roots' {@code root} may repeat.
 */
class FxIdsTest {

    private static final Pattern FX_ID = Pattern.compile("fx:id=\"([^\"]+)\"");

    @Test
    void fxIdsAreUniqueAcrossTheWindow() throws IOException {
        Map<String, List<String>> where = new HashMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/dev/goldsmith/ui"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".fxml")).toList()) {
                Matcher m = FX_ID.matcher(Files.readString(f));
                while (m.find()) {
                    where.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(f.getFileName().toString());
                }
            }
        }
        assertThat(where).isNotEmpty();
        assertThat(where.entrySet().stream().filter(e -> e.getValue().size() > 1 && !e.getKey().equals("root")))
                .as("fx:ids used more than once").isEmpty();
    }
}
