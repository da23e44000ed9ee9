package dev.goldsmith.ui.settings;

import dev.goldsmith.store.DataLocation;
import dev.goldsmith.store.Database;
import dev.goldsmith.store.PgPassword;
import dev.goldsmith.store.PostgresUrl;
import dev.goldsmith.store.SharedDatabase;
import dev.goldsmith.store.StoreException;
import dev.goldsmith.store.StoreLocation;
import dev.goldsmith.ui.Messages;
import dev.goldsmith.ui.TaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Settings' "Shared database": the team database (PostgreSQL) this machine opens from its next start, or none (the
 * local file). The URL goes in {@link SharedDatabase}'s file and the password in the owner-only password file beside
 * the API key ({@link PgPassword#SAVED_FILE}) — never in a database. Test connection logs in and looks, writing
 * nothing.
 */
public final class SharedDatabaseViewModel {

    private final Path folder;
    private final Map<String, String> env;
    private final TaskExecutor executor;
    private final Messages messages;
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper inUse = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper ok = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    /** @param folder this machine's data folder: where the API key file is */
    public SharedDatabaseViewModel(Path folder, Map<String, String> env, TaskExecutor executor, Messages messages) {
        this.folder = folder;
        this.env = Map.copyOf(env);
        this.executor = executor;
        this.messages = messages;
    }

    /** Shows the saved choice, and which database opens now. */
    public void load() {
        try {
            url.set(SharedDatabase.read(folder).map(u -> u.label() + u.query()).orElse(""));
            inUse.set(env.containsKey(DataLocation.DB_ENV) ? messages.get("settings.shared.overridden")
                    : messages.get("settings.shared.inUse", DataLocation.store(null, env, folder).label()));
        } catch (StoreException e) {
            show(false, e.getMessage());
        }
    }

    /** Logs in to the database typed, in the background, and says what is there — or why not. */
    public void test() {
        Optional<PostgresUrl> target = parsed();
        if (target.isEmpty()) {
            return;
        }
        PgPassword.Lookup lookup = password.get().isEmpty()
                ? PgPassword.find(target.get(), env, folder.resolve(PgPassword.SAVED_FILE))
                : new PgPassword.Lookup(Optional.of(password.get()), messages.get("settings.shared.typedPassword"), List.of());
        busy.set(true);
        show(false, messages.get("settings.shared.testing"));
        executor.submit(() -> Database.test(target.get(), lookup), found -> {
            busy.set(false);
            show(true, messages.get("settings.shared.ok", found));
        }, failure -> {
            busy.set(false);
            show(false, String.valueOf(failure.getMessage()));
        });
    }

    /**
     * Saves the choice for the next start: the URL (empty: the local file again) and, when one is typed, the password.
     *
     * @return whether it was saved
     */
    public boolean save() {
        if (url.get() == null || url.get().isBlank()) {
            SharedDatabase.save(folder, null);
            show(true, messages.get("settings.shared.local"));
            return true;
        }
        Optional<PostgresUrl> target = parsed();
        if (target.isEmpty()) {
            return false;
        }
        try {
            if (!password.get().isEmpty()) {
                PgPassword.save(folder.resolve(PgPassword.SAVED_FILE), target.get(), password.get());
                password.set("");
            }
            SharedDatabase.save(folder, target.get());
        } catch (StoreException e) {
            show(false, e.getMessage());
            return false;
        }
        show(true, messages.get("settings.shared.saved", target.get().label()));
        return true;
    }

    private Optional<PostgresUrl> parsed() {
        try {
            if (StoreLocation.parse(url.get() == null ? "" : url.get(), messages.get("settings.shared.url"))
                    instanceof PostgresUrl u) {
                return Optional.of(u);
            }
            show(false, messages.get("settings.shared.notPostgres"));
        } catch (StoreException e) {
            show(false, e.getMessage());
        }
        return Optional.empty();
    }

    private void show(boolean good, String text) {
        ok.set(good);
        result.set(text);
    }

    /** postgresql://USER@HOST:PORT/DBNAME?sslmode=…, or empty for the local database. */
    public StringProperty urlProperty() {
        return url;
    }

    /** Typed to test or save; never shown again, never kept in memory after a save. */
    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty inUseProperty() {
        return inUse.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty okProperty() {
        return ok.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
