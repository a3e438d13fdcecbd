package dev.sextant.server.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The throttle's counting on a hand-driven clock: limits, the window from the first failure, resets. */
class LoginThrottleTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Ticker ticker = nanos::get;
    private final LoginThrottle throttle = new LoginThrottle(3, 5, Duration.ofMinutes(10), ticker);

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void anEmailIsBlockedAfterItsLimitUntilTheWindowFromTheFirstFailureEnds() {
        throttle.failed("a@x.test", "10.0.0.1");
        advance(Duration.ofMinutes(4));
        throttle.failed("A@X.test ", "10.0.0.1");
        assertThat(throttle.blocked("a@x.test", "10.0.0.1")).isEmpty();
        throttle.failed("a@x.test", "10.0.0.1");
        assertThat(throttle.blocked("a@x.test", "10.0.0.9")).contains(Duration.ofMinutes(6));
        assertThat(throttle.blocked("b@x.test", "10.0.0.1")).isEmpty();
        advance(Duration.ofMinutes(6).minusNanos(1));
        assertThat(throttle.blocked("a@x.test", "10.0.0.9")).contains(Duration.ofNanos(1));
        advance(Duration.ofNanos(1));
        assertThat(throttle.blocked("a@x.test", "10.0.0.9")).isEmpty();
    }

    @Test
    void aSuccessClearsTheEmailButNotTheAddress() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("c@x.test", "10.0.0.2");
        }
        throttle.succeeded(" C@x.test");
        assertThat(throttle.blocked("c@x.test", "10.0.0.3")).isEmpty();
        throttle.failed("d@x.test", "10.0.0.2");
        throttle.failed("e@x.test", "10.0.0.2");
        assertThat(throttle.blocked("new@x.test", "10.0.0.2")).contains(Duration.ofMinutes(10));
        assertThat(throttle.blocked("new@x.test", "10.0.0.3")).isEmpty();
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
        assertThat(LoginThrottle.retryAfterSeconds(Duration.ofNanos(1))).isEqualTo(1);
        assertThat(LoginThrottle.retryAfterSeconds(Duration.ofMillis(1500))).isEqualTo(2);
        assertThat(LoginThrottle.retryAfterSeconds(Duration.ofSeconds(900))).isEqualTo(900);
    }
}
