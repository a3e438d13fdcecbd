package dev.sextant.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * DuckDB's export streams: in a child JVM with a 48 MB heap, an export of ~150 MB of span text
 * reaches its first row without the process growing by anything like the result's size outside
 * DuckDB's buffer manager. Before streaming was turned on (the driver materialised the result
 * first), the same probe grew by more than the whole result (~330 MB) before the first row.
 * Memory is read from /proc, hence Linux only.
 */
@EnabledOnOs(OS.LINUX)
class ITDuckDbExportMemory {
    private static final int TRACES = 750;
    private static final int SPANS_PER_TRACE = 100;
    private static final int PAYLOAD_BYTES = 2000;

    @Test
    void anExportOfManyRowsDoesNotMaterialiseItsResult(@TempDir Path dir) throws Exception {
        Map<String, Long> figures = probe(dir.resolve("probe.duckdb"));
        assertThat(figures.get("rows")).isEqualTo((long) TRACES * SPANS_PER_TRACE);
        long result = figures.get("result_bytes");
        long outsideDuckDb = figures.get("rss_growth") - figures.get("duckdb_growth");
        System.out.printf("export memory probe: %s, grown outside DuckDB's buffer manager %,d bytes%n", figures,
                outsideDuckDb);
        assertThat(outsideDuckDb).as("memory grown outside DuckDB's buffer manager before the first row, of a %,d-byte"
                + " result (%s)", result, figures).isLessThan(result / 3);
    }

    private static Map<String, Long> probe(Path file) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = Files.createTempFile("export-probe", ".log");
        Process child = new ProcessBuilder(java, "-Xmx48m", "--enable-native-access=ALL-UNNAMED",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                ExportMemoryProbe.class.getName(), file.toString(), Integer.toString(TRACES),
                Integer.toString(SPANS_PER_TRACE), Integer.toString(PAYLOAD_BYTES))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("the probe finished in 5 minutes").isTrue();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(String.join("\n", lines)).isZero();
        String last = lines.getLast();
        Map<String, Long> figures = new HashMap<>();
        Arrays.stream(last.split(" ")).map(kv -> kv.split("=")).forEach(kv -> figures.put(kv[0], Long.parseLong(kv[1])));
        return figures;
    }
}
