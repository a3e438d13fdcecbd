package dev.sextant.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IPv4 addresses (four octets of 0 to 255, no version-number look-alikes such as {@code 1.2.3.4.5})
 * and IPv6 addresses (full, compressed with {@code ::}, or with an IPv4 tail), each checked by
 * parsing, not only by shape.
 */
public final class IpAddressDetector implements PiiDetector {
    private static final Pattern V4 = Pattern.compile("(?<![\\w.])(?:\\d{1,3}\\.){3}\\d{1,3}(?![\\w.]|\\.\\d)");
    private static final Pattern V6 = Pattern.compile("(?<![\\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:(?:\\d{1,3}\\.){3}\\d{1,3}|[0-9A-Fa-f]{1,4})?(?![\\w:])");

    @Override
    public PiiKind kind() {
        return PiiKind.IP_ADDRESS;
    }

    @Override
    public List<PiiMatch> find(CharSequence text) {
        List<PiiMatch> found = new ArrayList<>();
        // cheap looks first: an IPv4 needs a dot; an IPv6 a colon after a hex digit or a "::"
        int colons = 0;
        boolean dot = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':' && i + 1 < text.length() && text.charAt(i + 1) == ':') {
                colons += 2; // "::" alone can make an address (::1)
            } else if (c == ':' && i > 0 && Character.digit(text.charAt(i - 1), 16) >= 0) {
                colons++;
            }
            dot |= c == '.';
        }
        // IPv6 first: its IPv4 tail (::ffff:192.0.2.1) belongs to it
        Matcher v6 = V6.matcher(colons >= 2 ? text : "");
        while (v6.find()) {
            if (isIpv6(v6.group())) {
                found.add(new PiiMatch(PiiKind.IP_ADDRESS, v6.start(), v6.end()));
            }
        }
        Matcher v4 = V4.matcher(dot ? text : "");
        while (v4.find()) {
            if (isIpv4(v4.group()) && found.stream().noneMatch(m -> m.start() < v4.end() && v4.start() < m.end())) {
                found.add(new PiiMatch(PiiKind.IP_ADDRESS, v4.start(), v4.end()));
            }
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return found;
    }

    static boolean isIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255
                    || (p.length() > 1 && p.charAt(0) == '0')) {
                return false;
            }
        }
        return true;
    }

    /** RFC 4291 text forms: eight groups, or fewer with exactly one {@code ::}, optionally an IPv4 tail. */
    static boolean isIpv6(String s) {
        int compressed = s.indexOf("::");
        if (compressed != s.lastIndexOf("::") || s.contains(":::")) {
            return false;
        }
        String tail = s.substring(s.lastIndexOf(':') + 1);
        int groupsFromTail = 0;
        String head = s;
        if (tail.contains(".")) {
            if (!isIpv4(tail)) {
                return false;
            }
            groupsFromTail = 2;
            head = s.substring(0, s.length() - tail.length());
            if (head.endsWith(":") && !head.endsWith("::")) {
                head = head.substring(0, head.length() - 1);
            }
        }
        int groups = groupsFromTail;
        for (String g : head.split(":", -1)) {
            if (g.isEmpty()) {
                continue;
            }
            if (g.length() > 4) {
                return false;
            }
            groups++;
        }
        if (compressed < 0) {
            return groups == 8 && !s.startsWith(":") && !s.endsWith(":");
        }
        // "::" must stand for at least one group, and a group count like 1:2 (a time) is too short to be an address
        return groups <= 7 && groups >= 1 && (s.startsWith("::") || s.endsWith("::") || groups >= 2);
    }
}
