package dev.goldsmith.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.goldsmith.vault.NastyItems;
import dev.goldsmith.vault.Vault;
import dev.goldsmith.vault.VaultCsv;
import dev.goldsmith.vault.VaultFile;
import dev.goldsmith.vault.VaultItem;
import dev.goldsmith.vault.VaultJson;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Store → file → another store → file: every item comes back exactly, through real files and SQLite. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class VaultRoundTripTest {

    @Parameter
    StoreKind store;


    @TempDir
    Path dir;

    private final Clock clock = Clock.systemUTC();

    @Test
    void jsonRoundTripKeepsEveryFieldOfEveryItem() throws IOException {
        VaultFile original = new VaultFile(new Vault("v-nasty", "Nästy \"Vault\" 🚀", "ø@example.com", null, null),
                NastyItems.items("v-nasty", true));
        Database first = store.fresh(dir, "first.db").open();
        new VaultImporter(first, clock).importVault(original, false);

        Path file = dir.resolve("out.json");
        VaultFile exported = new VaultExporter(first).export("v-nasty").orElseThrow();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            VaultJson.write(exported, w);
        }
        VaultFile read;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            read = VaultJson.read(r);
        }
        assertThat(read).isEqualTo(original);

        Database second = store.fresh(dir, "second.db").open();
        new VaultImporter(second, clock).importVault(read, false);
        VaultFile again = new VaultExporter(second).export("v-nasty").orElseThrow();
        assertThat(fields(again.items())).isEqualTo(fields(original.items()));
        assertThat(again.vault().name()).isEqualTo(original.vault().name());
        assertThat(again.vault().owner()).isEqualTo(original.vault().owner());
    }

    @Test
    void csvRoundTripKeepsEveryFieldTheFormatCarries() throws IOException {
        List<VaultItem> original = NastyItems.items("v-nasty", false);
        Database first = store.fresh(dir, "first.db").open();
        new VaultImporter(first, clock).importVault(new VaultFile(new Vault("v-nasty", "N", null, null, null), original),
                false);

        Path file = dir.resolve("out.csv");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            VaultCsv.write(new VaultExporter(first).export("v-nasty").orElseThrow().items(), w);
        }
        VaultFile read;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            read = VaultCsv.read(r, new Vault("v-copy", "Copy", null, null, null));
        }
        Database second = store.fresh(dir, "second.db").open();
        new VaultImporter(second, clock).importVault(read, false);
        List<VaultItem> back = new VaultExporter(second).export("v-copy").orElseThrow().items();
        assertThat(fields(back)).isEqualTo(fields(original));
    }

    @Test
    void exportOfAMissingVaultIsEmptyAndOfAnEmptyVaultHasNoItems() {
        Database db = store.fresh(dir, "g.db").open();
        assertThat(new VaultExporter(db).export("nope")).isEmpty();
        new VaultImporter(db, clock).importVault(new VaultFile(new Vault("v", "N", null, null, null), List.of()), false);
        assertThat(new VaultExporter(db).export("v")).get().satisfies(f -> assertThat(f.items()).isEmpty());
    }

    /** What a vault file carries of each item: everything but the vault id and the store's timestamps. */
    private static List<List<Object>> fields(List<VaultItem> items) {
        return items.stream().map(i -> List.<Object>of(i.id(), i.type(), i.content(), i.tier(), i.keywords(),
                String.valueOf(i.confidenceScore()))).toList();
    }
}
