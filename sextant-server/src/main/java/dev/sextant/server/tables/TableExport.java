package dev.sextant.server.tables;

import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.Problem;
import dev.sextant.server.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Any analytics answer as a table (issue 4 item 12): {@code format=csv|jsonl} on an analytics GET
 * turns the answer's table — its first top-level list of objects, or the one {@code table=}
 * names — into CSV (RFC 4180, with a header) or JSON Lines. Nested objects become dotted columns
 * ({@code trend.direction}); a row holding a time series ({@code buckets}) is exploded into one
 * row per bucket, with the parent's columns repeated; other lists are JSON text. The controller answers exactly as without the two parameters (they are removed before
 * it sees the request), so its errors (400, 403, ...) pass through unchanged as problem JSON.
 */
public final class TableExport extends OncePerRequestFilter {
    static final Set<String> FORMATS = Set.of("csv", "jsonl");
    private static final String SERIES = "buckets";

    private final List<String> paths;
    private final ProblemWriter problems;
    private final JsonMapper json = JsonMapper.builder().build();

    public TableExport(List<String> paths, ProblemWriter problems) {
        this.paths = List.copyOf(paths);
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return !"GET".equals(request.getMethod()) || paths.stream().noneMatch(uri::startsWith)
                || (request.getParameter("format") == null && request.getParameter("table") == null);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String[] formats = request.getParameterValues("format");
        String[] tables = request.getParameterValues("table");
        if (formats == null || formats.length != 1 || !FORMATS.contains(formats[0])
                || (tables != null && (tables.length != 1 || tables[0].isBlank()))) {
            List<FieldProblem> errors = new ArrayList<>();
            if (formats == null || formats.length != 1 || !FORMATS.contains(formats[0])) {
                errors.add(FieldProblem.parameter("format", "must be given once, as csv or jsonl, was "
                        + (formats == null ? "missing (table needs it)" : "'" + String.join("', '", formats) + "'")));
            }
            if (tables != null && (tables.length != 1 || tables[0].isBlank())) {
                errors.add(FieldProblem.parameter("table", "must be given once: the name of a list in the answer"));
            }
            problems.write(response, Problem.of(Problem.Kind.INVALID_REQUEST, errors.getFirst().parameter() + " "
                    + errors.getFirst().message(), request.getRequestURI()).withErrors(errors), Map.of());
            return;
        }
        String format = formats[0];
        String table = tables == null ? null : tables[0];
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        chain.doFilter(new WithoutTableParameters(request), answer);
        if (answer.getStatus() != 200) {
            answer.copyBodyToResponse();
            return;
        }
        JsonNode body;
        try {
            body = json.readTree(answer.getContentAsByteArray());
        } catch (JacksonException e) {
            answer.copyBodyToResponse();
            return;
        }
        Map<String, JsonNode> lists = lists(body);
        String chosen = table != null ? table : lists.keySet().stream().findFirst().orElse(null);
        if (chosen == null || !lists.containsKey(chosen)) {
            answer.resetBuffer();
            String detail = lists.isEmpty() ? "this answer has no table to export"
                    : "table must be one of " + String.join(", ", lists.keySet()) + ", was '" + table + "'";
            problems.write(response, Problem.of(Problem.Kind.INVALID_REQUEST, detail, request.getRequestURI())
                    .withErrors(List.of(FieldProblem.parameter("table", detail))), Map.of());
            return;
        }
        List<Map<String, JsonNode>> rows = rows(lists.get(chosen));
        answer.resetBuffer();
        String name = request.getRequestURI().substring(request.getRequestURI().lastIndexOf('/') + 1) + "-" + chosen;
        response.setStatus(200);
        response.setContentType(format.equals("csv") ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "." + format + "\"");
        if (body.path("data_as_of").isString()) {
            response.setHeader("Sextant-Data-As-Of", body.path("data_as_of").asString());
        }
        try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
            if (format.equals("csv")) {
                writeCsv(rows, out);
            } else {
                for (Map<String, JsonNode> row : rows) {
                    ObjectNode line = json.createObjectNode();
                    row.forEach(line::set);
                    out.write(json.writeValueAsString(line));
                    out.write('\n');
                }
            }
        }
    }

    /** The answer's top-level lists whose elements are objects, in the answer's order. */
    static Map<String, JsonNode> lists(JsonNode body) {
        Map<String, JsonNode> lists = new LinkedHashMap<>();
        body.properties().forEach(e -> {
            if (e.getValue().isArray() && (e.getValue().isEmpty() || e.getValue().get(0).isObject())) {
                lists.put(e.getKey(), e.getValue());
            }
        });
        return lists;
    }

    /** One flat row per element; an element of a time series (with {@code buckets}) becomes a row per bucket. */
    static List<Map<String, JsonNode>> rows(JsonNode list) {
        List<Map<String, JsonNode>> rows = new ArrayList<>();
        for (JsonNode element : list) {
            List<String> nestedLists = new ArrayList<>();
            element.properties().forEach(e -> {
                if (e.getKey().equals(SERIES) && e.getValue().isArray()) {
                    nestedLists.add(e.getKey());
                }
            });
            Map<String, JsonNode> parent = new LinkedHashMap<>();
            flatten("", element, nestedLists.size() == 1 ? nestedLists.getFirst() : null, parent);
            if (nestedLists.size() == 1) {
                for (JsonNode child : element.get(nestedLists.getFirst())) {
                    Map<String, JsonNode> row = new LinkedHashMap<>(parent);
                    Map<String, JsonNode> own = new LinkedHashMap<>();
                    flatten("", child, null, own);
                    own.forEach((k, v) -> row.put(row.containsKey(k) ? nestedLists.getFirst() + "." + k : k, v));
                    rows.add(row);
                }
            } else {
                rows.add(parent);
            }
        }
        return rows;
    }

    private static void flatten(String prefix, JsonNode node, String skip, Map<String, JsonNode> into) {
        node.properties().forEach(e -> {
            if (e.getKey().equals(skip) && prefix.isEmpty()) {
                return;
            }
            if (e.getValue().isObject()) {
                flatten(prefix + e.getKey() + ".", e.getValue(), null, into);
            } else {
                into.put(prefix + e.getKey(), e.getValue());
            }
        });
    }

    private static void writeCsv(List<Map<String, JsonNode>> rows, Writer out) throws IOException {
        List<String> columns = new ArrayList<>();
        for (Map<String, JsonNode> row : rows) {
            for (String c : row.keySet()) {
                if (!columns.contains(c)) {
                    columns.add(c);
                }
            }
        }
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new))
                .get())) {
            for (Map<String, JsonNode> row : rows) {
                List<String> values = new ArrayList<>(columns.size());
                for (String c : columns) {
                    JsonNode v = row.get(c);
                    values.add(v == null || v.isNull() ? "" : v.isValueNode() ? v.asString() : v.toString());
                }
                csv.printRecord(values);
            }
        }
    }

    /** The request without {@code format} and {@code table}, asking for JSON. */
    private static final class WithoutTableParameters extends HttpServletRequestWrapper {
        private final Map<String, String[]> parameters;

        WithoutTableParameters(HttpServletRequest request) {
            super(request);
            Map<String, String[]> copy = new LinkedHashMap<>(request.getParameterMap());
            copy.remove("format");
            copy.remove("table");
            this.parameters = Collections.unmodifiableMap(copy);
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }

        @Override
        public String getQueryString() {
            StringBuilder q = new StringBuilder();
            parameters.forEach((name, values) -> {
                for (String v : values) {
                    q.append(q.isEmpty() ? "" : "&").append(java.net.URLEncoder.encode(name, StandardCharsets.UTF_8))
                            .append('=').append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8));
                }
            });
            return q.isEmpty() ? null : q.toString();
        }

        @Override
        public String getHeader(String name) {
            return "accept".equalsIgnoreCase(name) ? "application/json" : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "accept".equalsIgnoreCase(name) ? Collections.enumeration(List.of("application/json"))
                    : super.getHeaders(name);
        }
    }
}
