package dev.goldsmith.store;

import dev.goldsmith.vault.Vault;
import dev.goldsmith.vault.VaultCsv;
import dev.goldsmith.vault.VaultFile;
import dev.goldsmith.vault.VaultFormat;
import dev.goldsmith.vault.VaultItem;
import dev.goldsmith.vault.VaultJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a vault and its items, in order, as one consistent snapshot, and writes it as a vault file: the one writer
 * every export uses (the command line's and the window's). A file target is checked first ({@link ExportTarget}:
 * never the open database, a folder or a device) and written whole or not at all: into a temporary file beside it,
 * synced, then moved over it. A write that fails (a full disk) is an {@link ExportFailedException} and leaves the
 * target as it was.
 */
public final class VaultExporter {

    private final Database db;

    public VaultExporter(Database db) {
        this.db = db;
    }

    /** The vault file for {@code vaultId}, or empty when there is no such vault. */
    public Optional<VaultFile> export(String vaultId) {
        // One statement, so the vault and its items come from the same snapshot even while a batch writes.
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT v.id AS v_id, v.name AS v_name, v.owner AS v_owner, v.created_at AS v_created_at,
                           v.updated_at AS v_updated_at, i.id AS id, i.vault_id AS vault_id, i.type, i.content,
                           i.quality_tier, i.keywords, i.confidence_score, i.created_at, i.last_updated_at
                    FROM vaults v LEFT JOIN vault_items i ON i.vault_id = v.id
                    WHERE v.id = ?
                    ORDER BY i.position, i.id""")) {
                ps.setString(1, vaultId);
                try (ResultSet rs = ps.executeQuery()) {
                    Vault vault = null;
                    List<VaultItem> items = new ArrayList<>();
                    while (rs.next()) {
                        if (vault == null) {
                            vault = new Vault(rs.getString("v_id"), rs.getString("v_name"), rs.getString("v_owner"),
                                    Columns.time(rs, "v_created_at"), Columns.time(rs, "v_updated_at"));
                        }
                        if (rs.getString("id") != null) {
                            items.add(ItemRepository.item(rs));
                        }
                    }
                    return vault == null ? Optional.<VaultFile>empty() : Optional.of(new VaultFile(vault, items));
                }
            }
        });
    }

    /**
     * Checks, before anything is read or written, that an export may write {@code target}.
     *
     * @throws ExportRefusedException naming the target when it is the open database (or its {@code -wal}, {@code -shm},
     *                                {@code -journal}), a folder, or anything but a regular file or a new path
     */
    public void checkTarget(Path target) {
        ExportTarget.check(target, db.file());
    }

    /**
     * Writes {@code file} to {@code target} in {@code format}, whole or not at all.
     *
     * @throws ExportRefusedException  when {@code target} may not be written (see {@link #checkTarget})
     * @throws dev.goldsmith.vault.VaultFileException when the items cannot be written as CSV; nothing is written
     * @throws ExportFailedException   when writing fails; {@code target} is left as it was
     */
    public void writeFile(VaultFile file, VaultFormat format, Path target) {
        Path real = ExportTarget.check(target, db.file());
        if (format == VaultFormat.CSV) {
            VaultCsv.checkWritable(file.items());
        }
        boolean replacing = Files.exists(real);
        Path temp = null;
        try {
            temp = Files.createTempFile(real.getParent(), ".goldsmith-export-", ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 Writer out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel),
                         StandardCharsets.UTF_8))) {
                write(file, format, out);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, real, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
        } catch (IOException | UncheckedIOException e) {
            IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            throw new ExportFailedException("Cannot write " + target + ": " + reason(cause) + "; "
                    + (replacing ? "the file was left as it was." : "nothing was written."), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Writes {@code file} to {@code out} in {@code format} (CSV items are checked before anything is written). */
    public static void write(VaultFile file, VaultFormat format, Writer out) {
        switch (format) {
            case CSV -> VaultCsv.write(file.items(), out);
            case JSON -> VaultJson.write(file, out);
        }
    }

    /** "No space left on device", without the temporary file's name a {@link FileSystemException} puts first. */
    private static String reason(IOException e) {
        String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        return reason == null || reason.isBlank() ? e.getClass().getSimpleName() : reason;
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // a temporary file that cannot be removed is the smaller problem; the cause is already reported
        }
    }
}
