package dev.sextant.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The coding-assistant context of a git working directory, read with the {@code git} command:
 * {@code git_branch}, {@code git_dirty_files} (changed or untracked paths), {@code git_ahead} and
 * {@code git_behind} (against the upstream branch, when there is one) and
 * {@code git_last_commit_files} (the paths the last commit changed, at most 256).
 */
final class GitContext {
    static final int MAX_FILES = 256;
    static final int MAX_PATH = 512;
    private static final long TIMEOUT_SECONDS = 10;

    private GitContext() {
    }

    /** Adds the git items to {@code context}; a directory without git (or git missing) is a usage error. */
    static void addTo(ObjectNode context, Path directory) {
        Result branch = git(directory, "rev-parse", "--abbrev-ref", "HEAD");
        if (branch.exit() != 0) {
            throw new CliException(ExitCode.USAGE, "--git: " + directory.toAbsolutePath().normalize()
                    + " is not in a git working tree (git said: " + branch.firstLine() + ")");
        }
        context.put("git_branch", branch.firstLine());
        Result status = git(directory, "status", "--porcelain");
        context.put("git_dirty_files", status.lines().size());
        Result counts = git(directory, "rev-list", "--left-right", "--count", "@{upstream}...HEAD");
        if (counts.exit() == 0) {
            String[] parts = counts.firstLine().trim().split("\\s+");
            if (parts.length == 2) {
                context.put("git_behind", Long.parseLong(parts[0]));
                context.put("git_ahead", Long.parseLong(parts[1]));
            }
        }
        Result files = git(directory, "diff-tree", "--no-commit-id", "--name-only", "-r", "--root", "HEAD");
        if (files.exit() == 0) {
            ArrayNode array = context.putArray("git_last_commit_files");
            for (String file : files.lines()) {
                if (array.size() < MAX_FILES && !file.isBlank()) {
                    array.add(file.length() > MAX_PATH ? file.substring(file.length() - MAX_PATH) : file);
                }
            }
        }
    }

    private record Result(int exit, List<String> lines) {
        String firstLine() {
            return lines.isEmpty() ? "" : lines.getFirst();
        }
    }

    private static Result git(Path directory, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new CliException(ExitCode.USAGE, "--git: could not run git (" + e.getMessage()
                    + "); install git or leave --git out");
        }
        try (InputStream output = process.getInputStream()) {
            String text = new String(output.readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new CliException(ExitCode.USAGE, "--git: git " + String.join(" ", arguments) + " took longer than "
                        + TIMEOUT_SECONDS + " s");
            }
            List<String> lines = text.isEmpty() ? List.of() : List.of(text.split("\n"));
            return new Result(process.exitValue(), lines);
        } catch (IOException e) {
            throw new CliException(ExitCode.USAGE, "--git: could not read git's output: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.USAGE, "--git: interrupted");
        }
    }
}
