package dev.sextant.server.ui;

import dev.sextant.server.users.SessionAuthenticator;
import dev.sextant.server.users.SessionCookieFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dashboard's pages. Every page is the same HTML shell ({@code static/index.html}); the
 * JavaScript modules under {@code /app/} pick the page from the path and fetch everything they
 * show from the documented /api/v1 endpoints with the session cookie. A browser without a live
 * login session is sent to {@code /login?next=<where it wanted to go>} before any page is served,
 * so no page answers without authentication (the shell holds no data either way).
 */
@Controller
class DashboardController {
    /** Scripts only from this server; charts set inline styles; images may be data: URIs (chart downloads). */
    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private final SessionAuthenticator sessions;
    private final DashboardFiles files;

    DashboardController(SessionAuthenticator sessions, DashboardFiles files) {
        this.sessions = sessions;
        this.files = files;
    }

    /** The dashboard's pages; keep in step with the routes in static/app/main.js. */
    @GetMapping({"/", "/overview", "/interactions", "/interactions/{id}", "/topology", "/agents", "/agents/{id}",
        "/costs", "/feedback", "/alerts", "/sessions", "/sessions/{id}", "/settings", "/settings/{section}",
        "/configurations", "/configurations/{id}", "/prompts", "/prompts/{id}",
        "/experiments", "/experiments/{id}", "/personalization",
        "/hpo", "/hpo/{id}", "/models", "/models/{id}",
        "/datasets", "/datasets/{id}",
        "/training", "/training/{id}",
        "/context",
        "/predictions", "/predictions/{target}",
        "/learnings", "/learnings/{id}"})
    ResponseEntity<byte[]> page(HttpServletRequest request) {
        if (!loggedIn(request)) {
            String wanted = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            return ResponseEntity.status(302).location(URI.create("/login?next=" + URLEncoder.encode(wanted, StandardCharsets.UTF_8)))
                    .cacheControl(CacheControl.noStore()).build();
        }
        return shell();
    }

    @GetMapping("/login")
    ResponseEntity<byte[]> login(HttpServletRequest request) {
        return shell();
    }

    private boolean loggedIn(HttpServletRequest request) {
        return SessionCookieFilter.cookie(request).map(sessions::isLive).orElse(false);
    }

    private ResponseEntity<byte[]> shell() {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .body(files.indexHtml());
    }

    /** Where the shell comes from: the jar, or a folder while developing the dashboard ({@code sextant.ui.dir}). */
    @org.springframework.stereotype.Component
    static final class DashboardFiles {
        private final Path dir;
        private final byte[] packaged;

        DashboardFiles(@org.springframework.beans.factory.annotation.Value("${sextant.ui.dir:}") String dir) {
            this.dir = dir == null || dir.isBlank() ? null : Path.of(dir);
            try (InputStream in = new ClassPathResource("static/index.html").getInputStream()) {
                this.packaged = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("the dashboard's static/index.html is missing from the classpath", e);
            }
        }

        byte[] indexHtml() {
            if (dir == null) {
                return packaged;
            }
            try {
                return Files.readAllBytes(dir.resolve("index.html"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Path dir() {
            return dir;
        }
    }
}
