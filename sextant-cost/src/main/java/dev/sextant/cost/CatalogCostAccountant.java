package dev.sextant.cost;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sextant.model.CostSource;
import dev.sextant.model.ModelPrice;
import dev.sextant.model.Span;
import dev.sextant.model.SpanKind;
import dev.sextant.model.Usage;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.PriceStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Prices spans from a workspace's own prices (which win) and then the shipped catalog.
 * <ul>
 *   <li>a client-reported {@code costUsd} is kept, source reported, even when usage is present;
 *   <li>an LLM span with a model and usage gets a calculated cost (estimated if the usage was);
 *   <li>an LLM span without usage but with input/output text gets estimated usage and, if the
 *       model has a price, an estimated cost;
 *   <li>an unknown model gets no cost (null), never a guess; other spans are returned as they are.
 * </ul>
 * The day of the price is the span's start (else its end, else today, UTC). Workspace prices are
 * cached briefly per workspace; call {@link #invalidate} after they change.
 */
public final class CatalogCostAccountant implements CostAccountant {

    public static final Duration DEFAULT_OVERRIDE_TTL = Duration.ofSeconds(30);

    private static final System.Logger LOG = System.getLogger(CatalogCostAccountant.class.getName());

    private final PriceCatalog catalog;
    private final PriceStore workspacePrices;
    private final TokenEstimator estimator = TokenEstimator.shared();
    private final Clock clock;
    private final Cache<WorkspaceId, PriceTable> overrides;

    public CatalogCostAccountant(PriceCatalog catalog, PriceStore workspacePrices) {
        this(catalog, workspacePrices, DEFAULT_OVERRIDE_TTL, Clock.systemUTC());
    }

    public CatalogCostAccountant(PriceCatalog catalog, PriceStore workspacePrices, Duration overrideTtl, Clock clock) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.workspacePrices = Objects.requireNonNull(workspacePrices, "workspacePrices");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (overrideTtl == null || overrideTtl.isNegative()) {
            throw new IllegalArgumentException("override cache ttl must be zero or positive, was " + overrideTtl);
        }
        this.overrides = Caffeine.newBuilder().expireAfterWrite(overrideTtl).maximumSize(10_000).build();
    }

    public PriceCatalog catalog() {
        return catalog;
    }

    /** Forgets the cached prices of this workspace; call after its prices change. */
    public void invalidate(WorkspaceId workspace) {
        overrides.invalidate(Objects.requireNonNull(workspace, "workspace"));
    }

    /** The price that applies: the workspace's own if one matches, else the catalog's. */
    public Optional<ModelPrice> priceFor(WorkspaceId workspace, String model, LocalDate day, long promptTokens) {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(day, "day");
        Optional<ModelPrice> own = overridesOf(workspace).find(model, day, promptTokens);
        return own.isPresent() ? own : catalog.find(model, day, promptTokens);
    }

    /** The cost of this usage of this model on this day, or empty when the model has no price. */
    public Optional<BigDecimal> cost(WorkspaceId workspace, String model, LocalDate day, Usage usage) {
        return priceFor(workspace, model, day, CostCalculator.promptTokens(usage))
                .map(price -> CostCalculator.cost(usage, price));
    }

    @Override
    public Span account(WorkspaceId workspace, Span span) {
        Objects.requireNonNull(workspace, "workspace");
        if (span.costUsd() != null) {
            return span.withCost(span.usage(), span.costUsd(), CostSource.REPORTED);
        }
        if (span.kind() != SpanKind.LLM || span.model() == null || span.model().isBlank()) {
            return span;
        }
        LocalDate day = dayOf(span.startedAt(), span.endedAt());
        if (span.usage() != null) {
            BigDecimal cost = cost(workspace, span.model(), day, span.usage()).orElse(null);
            CostSource source = cost == null ? null
                    : span.usage().estimated() ? CostSource.ESTIMATED : CostSource.CALCULATED;
            return span.withCost(span.usage(), cost, source);
        }
        if (span.input() == null && span.output() == null) {
            return span;
        }
        Usage estimated = estimator.estimate(span.input(), span.output());
        BigDecimal cost = cost(workspace, span.model(), day, estimated).orElse(null);
        return span.withCost(estimated, cost, cost == null ? null : CostSource.ESTIMATED);
    }

    /** The day whose prices apply to a call that started and ended at these instants (UTC). */
    public LocalDate dayOf(Instant startedAt, Instant endedAt) {
        Instant at = startedAt != null ? startedAt : endedAt != null ? endedAt : clock.instant();
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    private PriceTable overridesOf(WorkspaceId workspace) {
        return overrides.get(workspace, this::loadOverrides);
    }

    private PriceTable loadOverrides(WorkspaceId workspace) {
        List<ModelPrice> usable = new ArrayList<>();
        for (PriceStore.StoredPrice stored : workspacePrices.list(workspace)) {
            try {
                PriceTable.compile(stored.price().matchPattern(), stored.price().model());
                usable.add(stored.price());
            } catch (IllegalArgumentException e) {
                // One bad override must not stop ingest; the catalog prices that model instead.
                LOG.log(System.Logger.Level.WARNING, "workspace " + workspace + ", price " + stored.id()
                        + " ignored: " + e.getMessage());
            }
        }
        return PriceTable.of(usable);
    }
}
