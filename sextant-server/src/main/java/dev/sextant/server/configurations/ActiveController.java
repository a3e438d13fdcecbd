package dev.sextant.server.configurations;

import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.server.web.QueryParams;
import dev.sextant.store.Configuration;
import dev.sextant.store.ConfigurationStore;
import dev.sextant.store.ConfigurationVersion;
import dev.sextant.store.SextantStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/configurations/{id}/active}: what an agent should run now. The strong
 * {@code ETag} is the version id, so an SDK that sends it back in {@code If-None-Match} gets a
 * 304 without a body until another version is activated. Open to agents' keys (ingest:write)
 * and readers (analytics:view) alike.
 */
@RestController
class ActiveController {
    private final ConfigurationChanges changes;
    private final ConfigurationStore store;
    private final SdkCompatibility compatibility;

    ActiveController(SextantStore store, ConfigurationChanges changes, SdkCompatibility compatibility) {
        this.store = store.configurations();
        this.changes = changes;
        this.compatibility = compatibility;
    }

    record ActiveView(String configurationId, String agentId, int version, String versionId, JsonNode content,
            String minSdkVersion, Map<String, Object> compatibility) {}

    @GetMapping("/api/v1/configurations/{id}/active")
    @RequiresScope({Scope.INGEST_WRITE, Scope.ANALYTICS_VIEW})
    ResponseEntity<ActiveView> active(@AuthenticationPrincipal Caller caller, HttpServletRequest request,
            @PathVariable String id) {
        QueryParams p = QueryParams.of(request.getParameterMap(), "sdk_version");
        String sdkText = p.text("sdk_version");
        p.done();
        SdkVersion sdk = null;
        if (sdkText != null) {
            try {
                sdk = SdkVersion.parse(sdkText);
            } catch (IllegalArgumentException e) {
                throw InvalidRequestException.of(FieldProblem.parameter("sdk_version", e.getMessage()));
            }
        }
        Configuration cfg = changes.configuration(caller.workspace(), id);
        ConfigurationVersion active = store.active(caller.workspace(), id)
                .orElseThrow(() -> ConfigurationChanges.missingVersion(id, cfg.activeVersion()));
        String etag = "\"" + active.versionId() + "\"";
        HttpHeaders headers = new HttpHeaders();
        headers.setETag(etag);
        headers.setCacheControl("no-cache");
        if (EntityTags.matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), active.versionId())) {
            return new ResponseEntity<>(headers, HttpStatus.NOT_MODIFIED);
        }
        SdkVersion minimum = SdkVersion.parse(active.minSdkVersion());
        return new ResponseEntity<>(new ActiveView(id, cfg.agentId(), active.number(), active.versionId(),
                Views.tree(active.content()), active.minSdkVersion(), compatibility.of(caller.workspace(), minimum, sdk)),
                headers, HttpStatus.OK);
    }
}
