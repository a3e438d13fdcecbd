package dev.sextant.sdk;

import dev.sextant.testing.RealServer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code closeOnShutdown(true)}: an agent that exits without closing the client still delivers what it queued. */
class ITShutdownHook {
    @Test
    void theShutdownHookSendsWhatIsQueuedWhenTheJvmExits() throws Exception {
        try (RealServer server = RealServer.start()) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process agent = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    ShutdownHookAgent.class.getName(), server.base().toString(), RealServer.KEY, "t-shutdown-hook")
                    .inheritIO().start();
            assertThat(agent.waitFor(60, TimeUnit.SECONDS)).as("agent exited").isTrue();
            assertThat(agent.exitValue()).isZero();

            assertThat(server.interaction("t-shutdown-hook")).isNotNull();
            assertThat(server.interaction("t-shutdown-hook").get("agent_id").asString()).isEqualTo("exiting-bot");
        }
    }
}
