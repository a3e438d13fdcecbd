package dev.sextant.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.store.SextantStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcStoresTest {

    @Test
    void anUnsupportedUrlIsRejectedWithTheChoices() {
        assertThatThrownBy(() -> JdbcStores.fromUrl("jdbc:mysql://localhost/x", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported database url 'jdbc:mysql://localhost/x': Sextant stores data in DuckDB"
                        + " (jdbc:duckdb:<file>) or PostgreSQL (jdbc:postgresql://...)");
    }

    @Test
    void anInMemoryDuckDbIsRejected() {
        assertThatThrownBy(() -> JdbcStores.fromUrl("jdbc:duckdb:", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a file");
    }

    @Test
    void aBadSchemaNameIsRejectedBeforeAnyConnection() {
        assertThatThrownBy(() -> JdbcStores.postgres("jdbc:postgresql://127.0.0.1:1/x", "u", null, "x; DROP"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema must be a plain SQL identifier");
    }

    @Test
    void aDuckDbUrlOpensAFileAndCreatesItsDirectories(@TempDir Path dir) {
        Path file = dir.resolve("a/b/sextant.duckdb");
        try (SextantStore store = JdbcStores.fromUrl("jdbc:duckdb:" + file, null, null)) {
            store.migrate();
            assertThat(store.healthy()).isTrue();
        }
        assertThat(Files.exists(file)).isTrue();
    }
}
