package dev.goldsmith.store;

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

/**
 * The one way Goldsmith writes a file a person asked for (a vault export, History's outcomes CSV): the target is
 * checked first ({@link ExportTarget}: never the open database or its side files, a folder or a device), then the
 * text goes into a temporary file beside it, is synced, and is moved over it — whole or not at all. A write that
 * fails (a full disk) is an {@link ExportFailedException} and leaves the target as it was.
 */
public final class SafeFileWriter {

    /** What to write: text to a writer (closed by the caller). */
    @FunctionalInterface
    public interface Text {
        void writeTo(Writer out) throws IOException;
    }

    private final Path database;

    /** A writer that refuses {@code database} and its side files as targets. */
    public SafeFileWriter(Path database) {
        this.database = database;
    }

    /**
     * Checks, before anything is read or written, that {@code target} may be written.
     *
     * @return the real path that will be written (a symlink to a regular file is followed)
     * @throws ExportRefusedException naming the target when it is the open database (or its {@code -wal}, {@code -shm},
     *                                {@code -journal}), a folder, or anything but a regular file or a new path
     */
    public Path check(Path target) {
        return ExportTarget.check(target, database);
    }

    /**
     * Writes {@code text} to {@code target}, whole or not at all.
     *
     * @throws ExportRefusedException when {@code target} may not be written (see {@link #check})
     * @throws ExportFailedException  when writing fails; {@code target} is left as it was
     */
    public void write(Path target, Text text) {
        Path real = check(target);
        boolean replacing = Files.exists(real);
        Path temp = null;
        try {
            temp = Files.createTempFile(real.getParent(), ".goldsmith-export-", ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 Writer out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel),
                         StandardCharsets.UTF_8))) {
                text.writeTo(out);
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
