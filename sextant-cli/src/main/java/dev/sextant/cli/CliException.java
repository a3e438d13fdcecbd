package dev.sextant.cli;

/** A failure the user must read: the message says what went wrong and what to do; the code is the exit code. */
final class CliException extends RuntimeException {
    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
