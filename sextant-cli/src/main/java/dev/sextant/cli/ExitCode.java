package dev.sextant.cli;

/** The CLI's exit codes; documented in the README and in {@code --help}. */
final class ExitCode {
    static final int OK = 0;
    /** The server answered but refused (some or all items rejected, 4xx/5xx other than the key). */
    static final int REFUSED = 1;
    /** An option is missing, malformed or out of range (picocli's usage error code). */
    static final int USAGE = 2;
    /** The server cannot be reached at the configured URL. */
    static final int UNREACHABLE = 3;
    /** The API key was refused (401) or lacks the scope the command needs (403). */
    static final int BAD_KEY = 4;
    /** Nothing to work with: not logged in, no current session, unreadable config or state file. */
    static final int NOT_CONFIGURED = 5;

    static final String HELP = "Exit codes: 0 ok; 1 the server refused (rejected items, busy, error); 2 bad options; "
            + "3 server unreachable; 4 API key refused or lacking the scope the command needs; 5 not logged in or no current session.";

    private ExitCode() {}
}
