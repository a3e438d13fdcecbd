package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every option is checked before anything is sent: exit code 2, the option and the reason on stderr. */
class OptionValidationTest {
    @TempDir
    Path dir;

    private CliRunner.Result run(String... args) {
        // No server anywhere: a check that let a bad value through would fail with 3 or 5 instead of 2.
        return new CliRunner(dir).env(Connection.URL_ENV, "http://127.0.0.1:9").env(Connection.KEY_ENV, "sk-test-x")
                .run(args);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "session log-tool --tool t --success yes --time-ms 1 --session s | Invalid value for option '--success': must be true or false, was \"yes\"",
        "session log-tool --tool t --success TRUE --time-ms 1 --session s | Invalid value for option '--success': must be true or false, was \"TRUE\"",
        "session log-tool --tool t --success true --time-ms -5 --session s | Invalid value for option '--time-ms': must be milliseconds from 0 to 86400000 (one day), was -5",
        "session log-tool --tool t --success true --time-ms 86400001 --session s | Invalid value for option '--time-ms': must be milliseconds from 0 to 86400000 (one day), was 86400001",
        "session log-tool --tool t --success true --time-ms 1.5 --session s | Invalid value for option '--time-ms': must be a whole number, was \"1.5\"",
        "session log-tool --tool t --success true --time-ms 1 --error boom --session s | --error describes a failure: give it with --success false",
        "session log-tool --success true --time-ms 1 --session s | Missing required option: '--tool=NAME'",
        "session log-tool --tool t --time-ms 1 --session s | Missing required option: '--success=true|false'",
        "session log-codegen --file f --type klass --session s | Invalid value for option '--type': must be one of migration, function, class, test, config, was \"klass\"",
        "session log-codegen --file f --type Migration --session s | Invalid value for option '--type': must be one of migration, function, class, test, config, was \"Migration\"",
        "session log-codegen --file f --type test --lines -1 --session s | Invalid value for option '--lines': must be 0 or more, was -1",
        "session log-codegen --file f --type test --accepted --rejected --session s | Error: --accepted, --rejected are mutually exclusive (specify only one)",
        "session end --feedback 0 --session s | Invalid value for option '--feedback': must be a rating from 1 to 5, was 0",
        "session end --feedback 6 --session s | Invalid value for option '--feedback': must be a rating from 1 to 5, was 6",
        "session end --feedback five --session s | Invalid value for option '--feedback': must be a whole number, was \"five\"",
        "session end --text nice --session s | --text is the comment of a rating: give --feedback 1..5 with it",
        "session end --tags a,,b --session s | Invalid value for option '--tags' (TAG): must be a name (1-1024 characters), was blank",
        "session start --id '   ' | Invalid value for option '--id': must be an id (1-256 characters), was blank",
        "session start --id s --context '[1, 2]' | Invalid value for option '--context': must be a JSON object, e.g. '{\"ticket\": \"SX-12\"}', was a JSON array",
        "session start | Missing required option: '--id=ID'",
        "login --url ftp://example.org --api-key sk-x | Invalid value for option '--url': must start with http:// or https://, was \"ftp://example.org\"",
        "login --url http://h/?a=1 --api-key sk-x | Invalid value for option '--url': must be the server's base URL without ?query or #fragment, was \"http://h/?a=1\"",
        "login --url http://localhost:7070 | Missing required option: '--api-key=KEY'",
        "session | a session command is required: start, log-tool, log-codegen or end",
        "'' | a command is required: login, session, export, dashboard, trends, insights, alerts, training, hpo, models or datasets",
        "insights --limit 0 | Invalid value for option '--limit': must be from 1 to 100, was 0",
        "alerts --status open | Invalid value for option '--status': expected one of [firing, acknowledged, resolved] (case-sensitive) but was 'open'",
        "trends --days 0 | Invalid value for option '--days': must be a number of days from 1 to 3650, was 0",
        "dashboard --days x | Invalid value for option '--days': must be a whole number, was \"x\"",
        "trends --to yesterday | Invalid value for option '--to': must be an RFC 3339 time with an offset, e.g. 2026-11-01T10:00:00Z, was \"yesterday\"",
        "training | a training command is required: runs, show, log, import or efficiency",
        "training runs --status done | Invalid value for option '--status': expected one of [running, completed, failed, stopped] (case-sensitive) but was 'done'",
        "training runs --type sft | Invalid value for option '--type': expected one of [fine_tuning, few_shot, reinforcement, transfer_learning] (case-sensitive) but was 'sft'",
        "training runs --limit 101 | Invalid value for option '--limit': must be from 1 to 100, was 101",
        "training show | Missing required parameter: 'RUN_ID'",
        "training log r1 --metric loss=1 | Missing required option: '--step=N'",
        "training log r1 --step 1 | Missing required option: '--metric=NAME=VALUE'",
        "training log r1 --step -1 --metric loss=1 | Invalid value for option '--step': must be 0 or more, was -1",
        "training log r1 --step 1.5 --metric loss=1 | Invalid value for option '--step': must be a whole number, was \"1.5\"",
        "training log r1 --step 1 --metric loss | Invalid value for option '--metric' (NAME=VALUE): must be NAME=VALUE, e.g. train_loss=0.42, was \"loss\"",
        "training log r1 --step 1 --metric loss=abc | Invalid value for option '--metric' (NAME=VALUE): must be a number (e.g. 0.42, 1e-4), NaN, Infinity or -Infinity, was \"abc\"",
        "training log r1 --step 1 --metric loss=0x10 | Invalid value for option '--metric' (NAME=VALUE): must be a number (e.g. 0.42, 1e-4), NaN, Infinity or -Infinity, was \"0x10\"",
        "training log r1 --step 1 --metric loss=1e999 | Invalid value for option '--metric' (NAME=VALUE): is too large for a double, was \"1e999\"",
        "training log r1 --step 1 --metric =1 | Invalid value for option '--metric' (NAME=VALUE): must be a metric name (1-250 characters), was blank",
        "training log r1 --step 1 --metric loss=1 --metric loss=2 | --metric loss is given twice: one value per name and step",
        "training log r1 --step 1 --metric loss=1 --epoch -0.5 | Invalid value for option '--epoch': must be a finite number from 0, was -0.5",
        "training log r1 --step 1 --metric loss=1 --epoch NaN | Invalid value for option '--epoch': must be a finite number from 0, was NaN",
        "training import f.json --format tb --agent a | Invalid value for option '--format': expected one of [hf_trainer_state, csv, jsonl] (case-sensitive) but was 'tb'",
        "training import f.json --format csv | Missing required option: '--agent=ID'",
        "hpo | an hpo command is required: studies or suggest",
        "hpo suggest | Missing required parameter: 'STUDY_ID'",
        "models timeline | Missing required option: '--agent=ID'",
        "models timeline --agent a --window 0 | Invalid value for option '--window': must be from 1 to 100, was 0",
        "datasets upload f.jsonl | Missing required option: '--name=NAME'",
        "datasets upload f.jsonl --name x --format parquet | Invalid value for option '--format': expected one of [chat, prompt_completion, text_label, csv] (case-sensitive) but was 'parquet'",
        "datasets report | Missing required parameter: 'ID'",
    })
    void badOptionExitsWithTwoAndSaysWhy(String args, String message) {
        CliRunner.Result result = run(split(args));
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).startsWith(message);
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aHundredAndOneMetricsAreRefused() {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("training", "log", "r1", "--step", "1"));
        for (int i = 0; i <= TrainingLogCommand.MAX_METRICS; i++) {
            args.addAll(java.util.List.of("--metric", "m" + i + "=1"));
        }
        CliRunner.Result result = run(args.toArray(String[]::new));
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).startsWith("--metric may be given at most 100 times, was 101");
    }

    @Test
    void validTrainingOptionsGetPastTheChecks() {
        CliRunner.Result result = run("training", "log", "r1", "--step", "0", "--metric", "train_loss=-Infinity",
                "--metric", "val_loss=1.5E-3", "--epoch", "0");
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.UNREACHABLE);
    }

    @Test
    void idLongerThanTheServerTakesIsRefused() {
        CliRunner.Result result = run("session", "start", "--id", "x".repeat(257));
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).startsWith("Invalid value for option '--id': must be at most 256 characters, was 257");
    }

    @Test
    void controlCharactersInAnIdAreRefused() {
        CliRunner.Result result = run("session", "start", "--id", "a\nb");
        assertThat(result.err()).startsWith("Invalid value for option '--id': must not contain control characters");
    }

    @Test
    void brokenContextJsonNamesTheProblem() {
        CliRunner.Result result = run("session", "start", "--id", "s", "--context", "{bad");
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).startsWith("Invalid value for option '--context': must be a JSON object")
                .contains("was expecting double-quote to start property name");
    }

    @Test
    void helpListsTheExitCodes() {
        CliRunner.Result result = run("session", "log-tool", "--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("--success=true|false", "Exit codes: 0 ok;");
    }

    @Test
    void validOptionsGetPastTheChecks() throws Exception {
        // Valid options reach the network: the stand-in URL refuses the connection (exit 3), not the options (2).
        CliRunner.Result result = run("session", "log-codegen", "--file", "src/A.java", "--type", "class",
                "--lines", "0", "--rejected", "--session", "s");
        assertThat(result.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(Files.exists(dir.resolve("config"))).isFalse();
    }

    private static String[] split(String args) {
        String trimmed = args.strip();
        if (trimmed.equals("''")) {
            return new String[0];
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("'([^']*)'|(\\S+)").matcher(trimmed);
        while (m.find()) {
            parts.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return parts.toArray(String[]::new);
    }
}
