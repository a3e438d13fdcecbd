package dev.sextant.server.web;

import java.util.Map;

/**
 * Another API's error body for the paths it covers, for the answers that filters write before
 * any controller runs (401, 503): a compatibility API (MLflow's) answers its clients in the shape
 * they parse. Everything else stays a {@link Problem}.
 */
public interface ErrorShape {

    /** Whether requests to this path (the problem's {@code instance}) get this shape. */
    boolean covers(String path);

    /** The JSON body to send instead of the problem's; the status stays the problem's. */
    Map<String, Object> body(Problem problem);
}
