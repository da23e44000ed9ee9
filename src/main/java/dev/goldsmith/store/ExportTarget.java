package dev.goldsmith.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where an export may write (DESIGN §7: "{@code export --out} never replaces the database or anything but a regular
 * file"): a new path in an existing folder, or an existing regular file (through a link, the file it points to) —
 * never the open database or its {@code -wal}, {@code -shm} or {@code -journal} file, however it is named (a link,
 * {@code ..}, a hard link, another case), and never a folder, a device, a pipe or a socket. Checking opens nothing.
 */
final class ExportTarget {

    /** The files SQLite keeps beside a database, by the suffix of their name. */
    private static final List<String> COMPANIONS = List.of("-wal", "-shm", "-journal");

    private ExportTarget() {
    }

    /**
     * The file to replace for {@code target}: its real path, or for a new path the real path of its folder with the
     * target's name.
     *
     * @param database the open SQLite file, or {@code null} for a team store (no local file to protect)
     * @throws ExportRefusedException when the target may not be written, naming it in one sentence
     */
    static Path check(Path target, Path database) {
        Path absolute = target.toAbsolutePath();
        if (database == null) {
            return realTarget(target, absolute);
        }
        Path db = database.toAbsolutePath().normalize();
        refuseDatabaseName(target, absolute.normalize(), db, db);
        Path real = realTarget(target, absolute);
        Path dbReal = realOrSelf(db);
        refuseDatabaseName(target, real, db, dbReal);
        if (Files.exists(real)) {
            for (Path file : databaseFiles(db, dbReal)) {
                if (sameFile(real, file)) {
                    throw refusal(target, file, db, dbReal);
                }
            }
        }
        return real;
    }

    /** The real path to replace, after refusing what is not a regular file or a new path in an existing folder. */
    private static Path realTarget(Path target, Path absolute) {
        if (Files.isDirectory(absolute)) {
            throw new ExportRefusedException(target + " is a folder; give the path of a file to write.");
        }
        boolean exists = Files.exists(absolute);
        if (!exists && Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw new ExportRefusedException(target + " is a link to a file that does not exist; give the path of a "
                    + "file to write.");
        }
        if (exists && !Files.isRegularFile(absolute)) {
            throw new ExportRefusedException(target + " is not a regular file (a device, a pipe or a socket); give the "
                    + "path of a file to write.");
        }
        Path folder = absolute.getParent();
        if (!exists && (folder == null || !Files.isDirectory(folder))) {
            throw new ExportRefusedException(target + " cannot be written: its folder "
                    + (folder == null ? absolute : folder) + " does not exist.");
        }
        try {
            return exists ? absolute.toRealPath() : folder.toRealPath().resolve(absolute.getFileName());
        } catch (IOException e) {
            throw new ExportRefusedException(target + " cannot be written: " + e.getMessage() + ".");
        }
    }

    /** Refuses {@code path} when it names the database or a companion file, in this case or another. */
    private static void refuseDatabaseName(Path target, Path path, Path db, Path dbReal) {
        for (Path file : databaseFiles(db, dbReal)) {
            if (path.equals(file) || sameFolder(path, file) && path.getFileName().toString()
                    .toLowerCase(Locale.ROOT).equals(file.getFileName().toString().toLowerCase(Locale.ROOT))) {
                throw refusal(target, file, db, dbReal);
            }
        }
    }

    private static ExportRefusedException refusal(Path target, Path file, Path db, Path dbReal) {
        boolean companion = !file.equals(db) && !file.equals(dbReal);
        return new ExportRefusedException(target + (companion ? " belongs to the open database " + db
                : " is the open database") + "; choose another file.");
    }

    /** The database and its companions, beside the path it was opened by and beside its real path. */
    private static Set<Path> databaseFiles(Path db, Path dbReal) {
        Set<Path> files = new LinkedHashSet<>();
        for (Path base : List.of(db, dbReal)) {
            files.add(base);
            for (String suffix : COMPANIONS) {
                files.add(base.resolveSibling(base.getFileName() + suffix));
            }
        }
        return files;
    }

    private static boolean sameFolder(Path a, Path b) {
        return a.getParent() != null && a.getParent().equals(b.getParent());
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static Path realOrSelf(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path;
        }
    }
}
