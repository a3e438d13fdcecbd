package dev.sextant.server.boot;

import dev.sextant.server.access.KeySecret;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Prints what a person starting the server must see, on stdout in a framed block: the URL and
 * a key that is shown this once. Logs are for operators; this is for the person at the terminal.
 */
@Component
class Announcer {

    void generatedAdminKey(String url, KeySecret secret) {
        frame(List.of(
                "Sextant is running at " + url,
                "",
                "An admin API key was created for the default workspace.",
                "It is shown only this once; store it now:",
                "",
                "    " + secret.value(),
                "",
                "Try:  curl -H 'Authorization: Bearer " + secret.value() + "' " + url + "/api/v1/workspace"));
    }

    void generatedAdminUser(String url, String email, String password) {
        frame(List.of(
                "A dashboard admin user was created for the default workspace.",
                "Its password is shown only this once; store it now (or set SEXTANT_BOOTSTRAP_ADMIN_PASSWORD):",
                "",
                "    email:    " + email,
                "    password: " + password,
                "",
                "Open the dashboard and log in with them:  " + url + "/"));
    }

    void demo(String url, KeySecret secret) {
        frame(List.of(
                "Sextant demo is running at " + url,
                "",
                "Dashboard: " + url + "/  (log in as the admin user: its password is printed at the first start,",
                "or set SEXTANT_BOOTSTRAP_ADMIN_EMAIL / SEXTANT_BOOTSTRAP_ADMIN_PASSWORD before it)",
                "",
                "Demo admin API key (a new one on every demo start; the previous one is revoked):",
                "",
                "    " + secret.value(),
                "",
                "Try:  curl -H 'Authorization: Bearer " + secret.value() + "' '" + url + "/api/v1/interactions?page_size=5'",
                "      curl -H 'Authorization: Bearer " + secret.value() + "' " + url + "/api/v1/interactions/stats"));
    }

    private static void frame(List<String> lines) {
        int width = lines.stream().mapToInt(String::length).max().orElse(0) + 2;
        String rule = "+" + "-".repeat(width) + "+";
        List<String> out = new ArrayList<>();
        out.add(rule);
        for (String line : lines) {
            out.add("| " + line + " ".repeat(width - line.length() - 1) + "|");
        }
        out.add(rule);
        PrintStream stdout = System.out;
        stdout.println(String.join(System.lineSeparator(), out));
        stdout.flush();
    }
}
