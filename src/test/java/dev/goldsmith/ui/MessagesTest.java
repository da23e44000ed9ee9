package dev.goldsmith.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every {@code %key} in every FXML, and every literal {@code messages.get("key")} in the UI code, resolves. */
class MessagesTest {

    private static final Pattern FXML_KEY = Pattern.compile("=\"%([^\"]+)\"");
    private static final Pattern CODE_KEY = Pattern.compile("messages\\.get\\(\"([^\"]+)\"\\s*[,)]");
    private final ResourceBundle bundle = Messages.load(Locale.ROOT).bundle();

    @Test
    void everyFxmlKeyResolves() throws IOException {
        List<Path> fxml = files(Path.of("src/main/resources/dev/goldsmith/ui"), ".fxml");
        assertThat(fxml).extracting(p -> p.getFileName().toString())
                .contains("MainWindow.fxml", "VaultWorkspace.fxml", "ItemVersions.fxml");
        assertThat(missing(fxml, FXML_KEY)).isEmpty();
    }

    @Test
    void everyLiteralKeyInTheUiCodeResolves() throws IOException {
        assertThat(missing(files(Path.of("src/main/java/dev/goldsmith/ui"), ".java"), CODE_KEY)).isEmpty();
    }

    @Test
    void tierTypeOperationAndProviderNamesExistForEveryValue() {
        for (var tier : dev.goldsmith.vault.QualityTier.values()) {
            assertThat(bundle.containsKey("tier." + tier.wireName())).as(tier.wireName()).isTrue();
        }
        for (var type : dev.goldsmith.vault.ItemType.values()) {
            assertThat(bundle.containsKey("type." + type.wireName())).as(type.wireName()).isTrue();
        }
        for (var op : dev.goldsmith.ai.Operation.values()) { // a new operation is named in the window
            assertThat(bundle.containsKey("operation." + op.wireName())).as(op.wireName()).isTrue();
        }
        for (var kind : dev.goldsmith.ai.ProviderKind.values()) { // a new provider is offered in Settings by name
            assertThat(bundle.containsKey("settings.provider." + kind.id())).as(kind.id()).isTrue();
        }
    }

    private List<String> missing(List<Path> files, Pattern pattern) throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path file : files) {
            Matcher m = pattern.matcher(Files.readString(file));
            while (m.find()) {
                if (!bundle.containsKey(m.group(1))) {
                    missing.add(file.getFileName() + ": " + m.group(1));
                }
            }
        }
        return missing;
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
