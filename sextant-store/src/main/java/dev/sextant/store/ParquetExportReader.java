package dev.sextant.store;

import dev.sextant.model.WorkspaceId;
import java.io.OutputStream;

/**
 * Exports as Apache Parquet, written by the database itself: only stores that can (embedded
 * DuckDB) offer this role ({@link SextantStore#parquetExports()}).
 */
public interface ParquetExportReader {

    /**
     * Writes the rows {@link ExportReader#export} would stream, in the same order and columns, as
     * one Parquet file to {@code out}; returns how many rows it holds.
     */
    long exportParquet(WorkspaceId workspace, ExportEntity entity, InteractionQuery query, OutputStream out);
}
