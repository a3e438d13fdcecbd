package dev.sextant.server.configurations;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SDK version as {@code MAJOR.MINOR.PATCH}, optionally followed by a qualifier
 * ({@code -SNAPSHOT}, {@code -rc.1}) that comparisons ignore: a snapshot of 0.3.0 can take what
 * 0.3.0 can.
 */
record SdkVersion(int major, int minor, int patch) implements Comparable<SdkVersion> {
    private static final Pattern FORM = Pattern.compile("(\\d{1,4})\\.(\\d{1,4})\\.(\\d{1,4})(?:[-+][0-9A-Za-z.-]{1,40})?");

    static SdkVersion parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("sdk_version must look like 0.3.0 (MAJOR.MINOR.PATCH, optionally -qualifier),"
                    + " was '" + (text.length() > 64 ? text.substring(0, 64) + "..." : text) + "'");
        }
        return new SdkVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    @Override
    public int compareTo(SdkVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
