package dev.switchboard.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.org.OrgUnitKind;
import dev.switchboard.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Markups#markupFor} answers from a cached table: fresh at once for this node's changes. */
class MarkupsCacheTest {

    /** The org_unit_markup table, shared by "this node" and "another node" (direct writes). */
    static final class InMemoryMarkups extends MarkupRepository {
        final Map<UUID, Integer> rows = new ConcurrentHashMap<>();
        final AtomicInteger reads = new AtomicInteger();

        InMemoryMarkups() {
            super(null);
        }

        @Override
        Map<UUID, Integer> all() {
            reads.incrementAndGet();
            return Map.copyOf(rows);
        }

        @Override
        void upsert(UUID orgUnitId, int basisPoints, Instant now) {
            rows.put(orgUnitId, basisPoints);
        }

        @Override
        void delete(UUID orgUnitId) {
            rows.remove(orgUnitId);
        }
    }

    static final Instant CREATED = Instant.parse("2026-11-28T10:00:00Z");

    final MutableClock clock = new MutableClock();
    final InMemoryMarkups rows = new InMemoryMarkups();
    final OrgService org = mock(OrgService.class);
    final Markups markups = new Markups(rows, org, new LedgerProperties(2_000), clock, event -> {});

    final OrgUnit company = unit(OrgUnitKind.COMPANY, null, "Acme");
    final OrgUnit marketing = unit(OrgUnitKind.DEPARTMENT, company, "Marketing");
    final OrgUnit content = unit(OrgUnitKind.TEAM, marketing, "Content");

    static OrgUnit unit(OrgUnitKind kind, OrgUnit parent, String name) {
        return new OrgUnit(
                new OrgUnitId(UUID.randomUUID()), parent == null ? null : parent.id(), kind, name, CREATED, null);
    }

    @BeforeEach
    void tree() {
        when(org.pathToRoot(content.id())).thenReturn(List.of(content, marketing, company));
        when(org.get(any())).thenReturn(content);
    }

    @Test
    void repeated_lookups_read_the_markups_once() {
        markups.markupFor(content.id());
        markups.markupFor(content.id());

        assertThat(rows.reads).hasValue(1);
    }

    @Test
    void a_markup_set_on_this_node_applies_to_the_very_next_call() {
        assertThat(markups.markupFor(content.id()).basisPoints()).isEqualTo(2_000);

        markups.set(marketing.id(), new Markup(1_500));

        assertThat(markups.markupFor(content.id()).basisPoints()).isEqualTo(1_500);
    }

    @Test
    void a_markup_cleared_on_this_node_falls_back_at_once() {
        markups.set(content.id(), new Markup(500));
        assertThat(markups.markupFor(content.id()).basisPoints()).isEqualTo(500);

        markups.clear(content.id());

        assertThat(markups.markupFor(content.id()).basisPoints()).isEqualTo(2_000);
    }

    @Test
    void a_markup_set_by_another_node_applies_here_once_the_ttl_has_passed() {
        markups.markupFor(content.id());
        rows.upsert(marketing.id().value(), 3_000, clock.instant()); // another node: no invalidation here

        clock.advance(Duration.ofSeconds(Markups.CACHE_TTL_SECONDS).minusMillis(100));
        assertThat(markups.markupFor(content.id()).basisPoints())
                .as("still the snapshot")
                .isEqualTo(2_000);

        clock.advance(Duration.ofMillis(200));
        assertThat(markups.markupFor(content.id()).basisPoints()).isEqualTo(3_000);
    }
}
