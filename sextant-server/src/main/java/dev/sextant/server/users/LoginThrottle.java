package dev.sextant.server.users;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.sextant.server.boot.SextantProperties;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@code login-max-failures} wrong passwords for one email, or
 * {@code login-max-failures-per-ip} from one client address, within {@code login-window}, logins
 * for that email (or from that address) are refused until the window that began with the first
 * failure has passed. The email is counted as typed (trimmed, lower case) whether or not such a
 * user exists, so the refusal says nothing about which accounts exist. A successful login clears
 * the email's count (not the address's: one right password must not reopen guessing elsewhere).
 * Counts live in memory (Caffeine, bounded): a restart or another server instance starts afresh,
 * which is acceptable for slowing guessing, not a substitute for strong passwords.
 */
@Component
class LoginThrottle {
    private static final int MAX_KEYS = 100_000;

    private final int maxPerEmail;
    private final int maxPerAddress;
    private final Duration window;
    private final Ticker ticker;
    private final Cache<String, Failures> byEmail;
    private final Cache<String, Failures> byAddress;

    @Autowired
    LoginThrottle(SextantProperties properties) {
        this(properties.sessions().loginMaxFailures(), properties.sessions().loginMaxFailuresPerIp(),
                properties.sessions().loginWindow(), Ticker.systemTicker());
    }

    LoginThrottle(int maxPerEmail, int maxPerAddress, Duration window, Ticker ticker) {
        this.maxPerEmail = maxPerEmail;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
        this.ticker = ticker;
        this.byEmail = cache();
        this.byAddress = cache();
    }

    /** Failures in one window: the count and when the window (its first failure) began, in ticker nanos. */
    private record Failures(int count, long since) {}

    private Cache<String, Failures> cache() {
        long windowNanos = window.toNanos();
        return Caffeine.newBuilder().maximumSize(MAX_KEYS).ticker(ticker)
                .expireAfter(new Expiry<String, Failures>() {
                    @Override
                    public long expireAfterCreate(String key, Failures value, long currentTime) {
                        return Math.max(0, value.since() + windowNanos - currentTime);
                    }

                    @Override
                    public long expireAfterUpdate(String key, Failures value, long currentTime, long currentDuration) {
                        return Math.max(0, value.since() + windowNanos - currentTime);
                    }

                    @Override
                    public long expireAfterRead(String key, Failures value, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                }).build();
    }

    static String emailKey(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** How long until this email / address may try again; empty when it may now. */
    Optional<Duration> blocked(String email, String address) {
        Duration wait = Duration.ZERO;
        wait = longer(wait, remaining(byEmail.getIfPresent(emailKey(email)), maxPerEmail));
        wait = longer(wait, remaining(byAddress.getIfPresent(address), maxPerAddress));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    void failed(String email, String address) {
        long now = ticker.read();
        byEmail.asMap().merge(emailKey(email), new Failures(1, now), LoginThrottle::add);
        byAddress.asMap().merge(address, new Failures(1, now), LoginThrottle::add);
    }

    void succeeded(String email) {
        byEmail.invalidate(emailKey(email));
    }

    private static Failures add(Failures old, Failures one) {
        return new Failures(old.count() + 1, old.since());
    }

    private Duration remaining(Failures failures, int max) {
        if (failures == null || failures.count() < max) {
            return Duration.ZERO;
        }
        long left = failures.since() + window.toNanos() - ticker.read();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Whole seconds to wait, rounded up, at least 1: the Retry-After value. */
    static long retryAfterSeconds(Duration wait) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait.toNanos() + 999_999_999L));
    }
}
