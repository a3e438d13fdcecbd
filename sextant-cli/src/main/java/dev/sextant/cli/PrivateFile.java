package dev.sextant.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads and writes the CLI's small JSON files. They hold an API key, so they are written with
 * mode 600 (directory 700) from the start — never world-readable, not even for a moment — and
 * replaced atomically so a crash never leaves half a file.
 */
final class PrivateFile {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFile() {}

    /** The file's JSON object, or null when the file does not exist. */
    static JsonNode readJson(Path path) {
        if (!Files.exists(path)) {
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(Files.readString(path));
            if (node == null || !node.isObject()) {
                throw new CliException(ExitCode.NOT_CONFIGURED, path + " does not hold a JSON object; delete it and run the command again");
            }
            return node;
        } catch (IOException e) {
            throw new CliException(ExitCode.NOT_CONFIGURED, "cannot read " + path + ": " + e.getMessage());
        } catch (JacksonException e) {
            throw new CliException(ExitCode.NOT_CONFIGURED, path + " is not valid JSON (" + e.getOriginalMessage()
                    + "); delete it and run the command again");
        }
    }

    static void writeJson(Path path, JsonNode node) {
        Path target = path.toAbsolutePath();
        try {
            Path dir = target.getParent();
            if (!Files.isDirectory(dir)) {
                if (POSIX) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(dir);
                }
            }
            FileAttribute<?>[] attrs = POSIX
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                    : new FileAttribute<?>[0];
            Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp", attrs);
            try {
                Files.writeString(temp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n");
                try {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new CliException(ExitCode.NOT_CONFIGURED, "cannot write " + target + ": " + e.getMessage());
        }
    }

    static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new CliException(ExitCode.NOT_CONFIGURED, "cannot delete " + path + ": " + e.getMessage());
        }
    }
}
