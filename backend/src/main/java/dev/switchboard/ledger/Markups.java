package dev.switchboard.ledger;

import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.platform.CachedSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retail markups: the platform buys tokens wholesale and sells them on to org units. A unit's markup
 * is the one set on it or on its nearest ancestor, else the configured default.
 *
 * <p>{@link #markupFor} runs for every gateway call: it reads the markups from a snapshot kept for
 * {@value #CACHE_TTL_SECONDS} seconds (and the unit's ancestors from {@link OrgService#pathToRoot}). A
 * markup set or cleared on this node applies to the next call here; one set on another node applies
 * here within {@value #CACHE_TTL_SECONDS} seconds.
 */
@Service
public class Markups {

    static final long CACHE_TTL_SECONDS = 5;

    private final MarkupRepository markups;
    private final OrgService org;
    private final LedgerProperties properties;
    private final Clock clock;
    private final CachedSnapshot<Map<UUID, Integer>> cached;
    private final ApplicationEventPublisher events;

    Markups(
            MarkupRepository markups,
            OrgService org,
            LedgerProperties properties,
            Clock clock,
            ApplicationEventPublisher events) {
        this.markups = markups;
        this.org = org;
        this.properties = properties;
        this.clock = clock;
        this.cached =
                new CachedSnapshot<>(Duration.ofSeconds(CACHE_TTL_SECONDS), clock, () -> Map.copyOf(markups.all()));
        this.events = events;
    }

    /** The markup that applies to calls charged to {@code orgUnitId} (see the class comment on caching). */
    public Markup markupFor(OrgUnitId orgUnitId) {
        Map<UUID, Integer> set = cached.get();
        for (OrgUnit unit : org.pathToRoot(orgUnitId)) {
            Integer bps = set.get(unit.id().value());
            if (bps != null) {
                return new Markup(bps);
            }
        }
        return new Markup(properties.defaultMarkupBasisPoints());
    }

    /** The markup set on exactly this unit, if any (not inherited). */
    @Transactional(readOnly = true)
    public Optional<Markup> markupSetOn(OrgUnitId orgUnitId) {
        return Optional.ofNullable(markups.all().get(orgUnitId.value())).map(Markup::new);
    }

    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'FINANCE')")
    @Transactional
    public Markup set(OrgUnitId orgUnitId, Markup markup) {
        org.get(orgUnitId);
        cached.invalidateOnCompletion();
        markups.upsert(orgUnitId.value(), markup.basisPoints(), clock.instant());
        events.publishEvent(new MarkupChanged(orgUnitId)); // RetailPricing's cache
        return markup;
    }

    /** Removes the unit's own markup so it inherits again. */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'FINANCE')")
    @Transactional
    public void clear(OrgUnitId orgUnitId) {
        org.get(orgUnitId);
        cached.invalidateOnCompletion();
        markups.delete(orgUnitId.value());
        events.publishEvent(new MarkupChanged(orgUnitId));
    }
}
