package dev.sextant.cli;

import java.net.URI;
import java.net.URISyntaxException;

/** Checks a server base URL: http or https, a host, no query; the trailing slash dropped. */
final class Urls {
    private Urls() {}

    static URI base(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL (" + e.getMessage() + ")");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException("must start with http:// or https://, was \"" + text + "\"");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("has no host, was \"" + text + "\"");
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("must be the server's base URL without ?query or #fragment, was \"" + text + "\"");
        }
        String s = uri.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return URI.create(s);
    }

    /** One path segment (a run or study id), percent-encoded: an id never changes the path it is put in. */
    static String segment(String id) {
        if (id.equals(".") || id.equals("..")) {
            throw new CliException(ExitCode.USAGE, "\"" + id + "\" is not an id");
        }
        if (id.indexOf('/') >= 0 || id.indexOf('\\') >= 0) {
            // the server refuses an encoded slash in a path (400) before looking: say why here
            throw new CliException(ExitCode.USAGE, "\"" + id + "\" is not an id: ids never contain / or \\");
        }
        return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
