package dev.sextant.server.prices;

import dev.sextant.cost.CatalogCostAccountant;
import dev.sextant.cost.PriceCatalog;
import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.audit.AuditTrail;
import dev.sextant.server.cache.DataVersions;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.web.NotFoundException;
import dev.sextant.store.PriceStore;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Model prices: the shipped catalog and this workspace's overrides. A change invalidates the
 * cost accountant's cache for the workspace, so the next ingested span uses it.
 */
@RestController
@RequestMapping("/api/v1/prices")
class PriceController {
    private final PriceCatalog catalog;
    private final PriceStore prices;
    private final CatalogCostAccountant accountant;
    private final DataVersions versions;

    private final AuditTrail audit;

    PriceController(PriceCatalog catalog, PriceStore prices, CatalogCostAccountant accountant, DataVersions versions,
            AuditTrail audit) {
        this.catalog = catalog;
        this.audit = audit;
        this.prices = prices;
        this.accountant = accountant;
        this.versions = versions;
    }

    @GetMapping
    @RequiresScope(Scope.ANALYTICS_VIEW)
    Prices list(@AuthenticationPrincipal Caller caller) {
        return new Prices(catalog.version(),
                catalog.entries().stream().map(p -> PriceView.of(null, p)).toList(),
                prices.list(caller.workspace()).stream().map(s -> PriceView.of(s.id(), s.price())).toList());
    }

    @PostMapping
    @RequiresScope(Scope.CONFIG_WRITE)
    ResponseEntity<PriceView> add(@AuthenticationPrincipal Caller caller, @RequestBody NewPrice body) {
        PriceStore.StoredPrice stored = prices.add(caller.workspace(), body.validated());
        audit.record(caller, "price.set", "price", stored.id(), AuditTrail.details("price", PriceView.of(stored.id(), stored.price())));
        accountant.invalidate(caller.workspace());
        versions.changed(caller.workspace()); // answers priced at query time (e.g. cache savings) change
        return ResponseEntity.status(HttpStatus.CREATED).body(PriceView.of(stored.id(), stored.price()));
    }

    @DeleteMapping("/{id}")
    @RequiresScope(Scope.CONFIG_WRITE)
    ResponseEntity<Void> delete(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        if (!prices.delete(caller.workspace(), id)) {
            throw new NotFoundException("price", id);
        }
        audit.record(caller, "price.delete", "price", id, AuditTrail.details());
        accountant.invalidate(caller.workspace());
        versions.changed(caller.workspace());
        return ResponseEntity.noContent().build();
    }

    record Prices(String catalogVersion, List<PriceView> catalog, List<PriceView> overrides) {}
}
