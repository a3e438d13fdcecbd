package dev.sextant.server.users;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.net.http.HttpRequest;

/** A browser-like client of the test server: logs in, then sends the session cookie (and the CSRF header). */
record UserSessions(SextantTestServer server) {

    Response login(String json) {
        return server.send(server.request("/api/v1/auth/login").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Logs in and returns the cookie's token. */
    String cookie(String email, String password) {
        Response r = login("{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}");
        if (r.status() != 200) {
            throw new AssertionError("login failed: " + r);
        }
        String setCookie = r.header("Set-Cookie").orElseThrow();
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    Response get(String path, String token) {
        return server.send(withCookie(path, token).GET().build());
    }

    Response post(String path, String token, String json) {
        return server.send(withCookie(path, token).header("X-Sextant-Request", "1").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Response put(String path, String token, String json) {
        return server.send(withCookie(path, token).header("X-Sextant-Request", "1").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Response delete(String path, String token) {
        return server.send(withCookie(path, token).header("X-Sextant-Request", "1").DELETE().build());
    }

    HttpRequest.Builder withCookie(String path, String token) {
        return server.request(path).header("Cookie", SessionCookieFilter.COOKIE + "=" + token);
    }
}
