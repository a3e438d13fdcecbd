-- Roll-ups kept incrementally (DuckDB applies per-span deltas, see IncrementalTrackingWriter):
-- both candidate sums are stored, so a write can add a span's contribution without reading
-- the trace's other spans. The displayed columns (input_tokens ... cost_usd) stay: they are
-- the llm_* sums when llm_usage_spans > 0 (the trace has an LLM span with usage), else all_*.
-- No NOT NULL here: DuckDB cannot add a column with a constraint; DEFAULT 0 fills every row.
ALTER TABLE traces ADD COLUMN llm_usage_spans BIGINT DEFAULT 0;
ALTER TABLE traces ADD COLUMN llm_input_tokens BIGINT DEFAULT 0;
ALTER TABLE traces ADD COLUMN llm_output_tokens BIGINT DEFAULT 0;
ALTER TABLE traces ADD COLUMN llm_cache_read_tokens BIGINT DEFAULT 0;
ALTER TABLE traces ADD COLUMN llm_cache_write_tokens BIGINT DEFAULT 0;
ALTER TABLE traces ADD COLUMN llm_reasoning_tokens BIGINT DEFAULT 0;
ALTER TABLE traces ADD COLUMN llm_cost_usd DECIMAL(18,9) DEFAULT 0;
ALTER TABLE traces ADD COLUMN all_input_tokens BIGINT DEFAULT 0;
ALTER TABLE traces ADD COLUMN all_output_tokens BIGINT DEFAULT 0;
ALTER TABLE traces ADD COLUMN all_cache_read_tokens BIGINT DEFAULT 0;
ALTER TABLE traces ADD COLUMN all_cache_write_tokens BIGINT DEFAULT 0;
ALTER TABLE traces ADD COLUMN all_reasoning_tokens BIGINT DEFAULT 0;
ALTER TABLE traces ADD COLUMN all_cost_usd DECIMAL(18,9) DEFAULT 0;

-- existing traces: both sums from their stored spans
UPDATE traces AS t SET
    llm_usage_spans = r.llm_usage_spans,
    llm_input_tokens = r.llm_input_tokens,
    all_input_tokens = r.all_input_tokens,
    llm_output_tokens = r.llm_output_tokens,
    all_output_tokens = r.all_output_tokens,
    llm_cache_read_tokens = r.llm_cache_read_tokens,
    all_cache_read_tokens = r.all_cache_read_tokens,
    llm_cache_write_tokens = r.llm_cache_write_tokens,
    all_cache_write_tokens = r.all_cache_write_tokens,
    llm_reasoning_tokens = r.llm_reasoning_tokens,
    all_reasoning_tokens = r.all_reasoning_tokens,
    llm_cost_usd = r.llm_cost_usd,
    all_cost_usd = r.all_cost_usd
FROM (SELECT workspace_id, trace_id,
        SUM(CASE WHEN kind = 'llm' AND input_tokens IS NOT NULL THEN 1 ELSE 0 END) AS llm_usage_spans,
        COALESCE(SUM(CASE WHEN kind = 'llm' THEN input_tokens END), 0) AS llm_input_tokens,
        COALESCE(SUM(input_tokens), 0) AS all_input_tokens,
        COALESCE(SUM(CASE WHEN kind = 'llm' THEN output_tokens END), 0) AS llm_output_tokens,
        COALESCE(SUM(output_tokens), 0) AS all_output_tokens,
        COALESCE(SUM(CASE WHEN kind = 'llm' THEN cache_read_tokens END), 0) AS llm_cache_read_tokens,
        COALESCE(SUM(cache_read_tokens), 0) AS all_cache_read_tokens,
        COALESCE(SUM(CASE WHEN kind = 'llm' THEN cache_write_tokens END), 0) AS llm_cache_write_tokens,
        COALESCE(SUM(cache_write_tokens), 0) AS all_cache_write_tokens,
        COALESCE(SUM(CASE WHEN kind = 'llm' THEN reasoning_tokens END), 0) AS llm_reasoning_tokens,
        COALESCE(SUM(reasoning_tokens), 0) AS all_reasoning_tokens,
        COALESCE(SUM(CASE WHEN kind = 'llm' THEN cost_usd END), 0) AS llm_cost_usd,
        COALESCE(SUM(cost_usd), 0) AS all_cost_usd
      FROM spans WHERE trace_id IS NOT NULL GROUP BY workspace_id, trace_id) r
WHERE t.workspace_id = r.workspace_id AND t.id = r.trace_id;
