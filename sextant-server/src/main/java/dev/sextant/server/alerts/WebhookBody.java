package dev.sextant.server.alerts;

import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.store.Webhook.Format;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A webhook as posted: an absolute http(s) {@code url} (no user info, no fragment, at most 2048
 * characters), an optional {@code secret} of 16-256 characters (one is generated when missing),
 * and {@code format} json (default) or slack.
 */
record WebhookBody(String url, String secret, String format) {
    static final int MAX_URL = 2048;
    private static final SecureRandom RANDOM = new SecureRandom();

    record Checked(String url, String secret, Format format) {}

    Checked validated() {
        List<FieldProblem> problems = new ArrayList<>();
        String checkedUrl = url(problems);
        if (secret != null && (secret.length() < 16 || secret.length() > 256 || secret.isBlank())) {
            problems.add(FieldProblem.field("secret", "secret must be 16-256 characters, was " + secret.length()
                    + "; leave it out to have one generated"));
        }
        Format f = Format.JSON;
        if (format != null) {
            try {
                f = Format.fromWire(format);
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.field("format", e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new Checked(checkedUrl, secret != null ? secret : generated(), f);
    }

    private String url(List<FieldProblem> problems) {
        if (url == null || url.isBlank()) {
            problems.add(FieldProblem.field("url", "url is required: an http or https URL"));
            return null;
        }
        if (url.length() > MAX_URL) {
            problems.add(FieldProblem.field("url", "url is " + url.length() + " characters, over the limit of " + MAX_URL));
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme)) {
                problems.add(FieldProblem.field("url", "url must be http or https, was "
                        + (scheme == null ? "a relative URL" : "'" + scheme + ":'")));
            } else if (uri.getHost() == null || uri.getHost().isEmpty()) {
                problems.add(FieldProblem.field("url", "url must name a host"));
            } else if (uri.getRawUserInfo() != null) {
                problems.add(FieldProblem.field("url", "url must not carry a user name or password"));
            } else if (uri.getRawFragment() != null) {
                problems.add(FieldProblem.field("url", "url must not have a fragment (#...)"));
            }
        } catch (URISyntaxException e) {
            problems.add(FieldProblem.field("url", "url is not a valid URL: " + e.getReason() + " at index " + e.getIndex()));
        }
        return url;
    }

    private static String generated() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return "whsec_" + HexFormat.of().formatHex(bytes);
    }
}
