package dev.sextant.sdk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The SDK's own version, the single source for it: {@code sextant-sdk.properties}, filled in by
 * the build, read once. Sent as {@code User-Agent: sextant-java-sdk/<version>} on every request,
 * so the server can tell which SDK versions a workspace's agents run.
 */
public final class SdkInfo {
    private static final Pattern RELEASE_FORM = Pattern.compile("\\d{1,4}\\.\\d{1,4}\\.\\d{1,4}(-[0-9A-Za-z.-]{1,40})?");

    /** The version the build stamped, or {@code unknown} when the resource is missing or unfilled. */
    public static final String VERSION = read();
    public static final String USER_AGENT = "sextant-java-sdk/" + VERSION;

    private SdkInfo() {}

    /** Whether {@link #VERSION} is {@code MAJOR.MINOR.PATCH[-qualifier]}, the form the server checks. */
    public static boolean versionParses() {
        return parses(VERSION);
    }

    static boolean parses(String version) {
        return version != null && RELEASE_FORM.matcher(version).matches();
    }

    private static String read() {
        try (InputStream in = SdkInfo.class.getResourceAsStream("/dev/sextant/sdk/sextant-sdk.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "").strip();
            return v.isEmpty() || v.contains("${") ? "unknown" : v;
        } catch (IOException | IllegalArgumentException e) {
            return "unknown";
        }
    }
}
