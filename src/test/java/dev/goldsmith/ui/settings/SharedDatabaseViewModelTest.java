package dev.goldsmith.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.Services;
import dev.goldsmith.store.DataLocation;
import dev.goldsmith.store.PgPassword;
import dev.goldsmith.store.PostgresUrl;
import dev.goldsmith.store.SharedDatabase;
import dev.goldsmith.store.TestPostgres;
import dev.goldsmith.ui.Messages;
import dev.goldsmith.ui.SameThreadTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings' "Shared database" on a real PostgreSQL server (the role {@code editor} must give its password): Test
 * connection logs in and writes nothing; Use saves the URL and the password owner-only in the data folder, and the
 * next start opens that database.
 */
class SharedDatabaseViewModelTest {

    @TempDir
    Path folder;

    private final Messages messages = Messages.load(Locale.ROOT);

    private SharedDatabaseViewModel vm(Map<String, String> env) {
        SharedDatabaseViewModel vm = new SharedDatabaseViewModel(folder, env, new SameThreadTaskExecutor(), messages);
        vm.load();
        return vm;
    }

    @Test
    void testConnectionLogsInWithTheTypedPasswordAndSaysWhatIsThere() {
        PostgresUrl url = TestPostgres.emptyDatabase(TestPostgres.EDITOR);
        SharedDatabaseViewModel vm = vm(Map.of());
        assertThat(vm.inUseProperty().get()).isEqualTo("In use now: " + folder.resolve("goldsmith.db"));
        vm.urlProperty().set(TestPostgres.arg(url));

        vm.passwordProperty().set("wrong-password");
        vm.test();
        assertThat(vm.okProperty().get()).isFalse();
        assertThat(vm.resultProperty().get()).isEqualTo("PostgreSQL at localhost:" + url.port()
                + " refused the password for user editor (from the password typed here).");

        vm.passwordProperty().set(TestPostgres.EDITOR_PASSWORD);
        vm.test();
        assertThat(vm.okProperty().get()).as(vm.resultProperty().get()).isTrue();
        assertThat(vm.resultProperty().get()).startsWith("Connected: PostgreSQL 14.")
                .endsWith(", empty: Goldsmith sets it up on first use.");
        assertThat(TestPostgres.query(url, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'"))
                .as("a test writes nothing").isEqualTo("0");
    }

    @Test
    void useSavesTheUrlAndThePasswordOwnerOnlyAndTheNextStartOpensIt() throws Exception {
        PostgresUrl url = TestPostgres.emptyDatabase(TestPostgres.EDITOR);
        SharedDatabaseViewModel vm = vm(Map.of());
        vm.urlProperty().set(TestPostgres.arg(url));
        vm.passwordProperty().set(TestPostgres.EDITOR_PASSWORD);

        assertThat(vm.save()).isTrue();

        assertThat(vm.resultProperty().get()).isEqualTo("Saved: Goldsmith opens " + url.label() + " from its next start.");
        assertThat(vm.passwordProperty().get()).as("not kept in memory").isEmpty();
        for (String file : new String[] {SharedDatabase.FILE_NAME, PgPassword.SAVED_FILE}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(file))))
                    .as(file).isEqualTo("rw-------");
        }
        assertThat(Files.readString(folder.resolve(SharedDatabase.FILE_NAME))).doesNotContain(TestPostgres.EDITOR_PASSWORD);
        assertThat(DataLocation.store(null, Map.of(), folder)).isEqualTo(url);

        try (Services next = Services.open(DataLocation.store(null, Map.of(), folder), Map.of("HOME", folder.toString()),
                folder, Clock.systemUTC())) {
            assertThat(next.database().label()).isEqualTo(url.label());
            assertThat(next.vaults().summaries()).isEmpty();
        }
        assertThat(vm(Map.of()).urlProperty().get()).as("shown again").isEqualTo(TestPostgres.arg(url));

        vm.urlProperty().set("");
        assertThat(vm.save()).isTrue();
        assertThat(DataLocation.store(null, Map.of(), folder)).isEqualTo(
                new dev.goldsmith.store.StoreLocation.SqliteFile(folder.resolve("goldsmith.db")));
    }

    @Test
    void anythingButAPostgresqlUrlIsRefusedAndNothingIsSaved() {
        SharedDatabaseViewModel vm = vm(Map.of("GOLDSMITH_DB", "/tmp/x.db"));
        assertThat(vm.inUseProperty().get()).startsWith("GOLDSMITH_DB is set");
        vm.urlProperty().set("mysql://root@db/team");
        assertThat(vm.save()).isFalse();
        assertThat(vm.resultProperty().get()).contains("is neither a file path nor a PostgreSQL URL");
        vm.urlProperty().set("/home/me/goldsmith.db");
        assertThat(vm.save()).isFalse();
        assertThat(vm.resultProperty().get()).startsWith("Give a PostgreSQL URL");
        assertThat(folder.resolve(SharedDatabase.FILE_NAME)).doesNotExist();
    }
}
