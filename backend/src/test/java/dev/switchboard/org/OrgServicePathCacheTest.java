package dev.switchboard.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** {@link OrgService#pathToRoot} answers from a cached tree: fresh at once for this node's changes. */
class OrgServicePathCacheTest {

    /** The org_unit table, shared by "this node" and "another node" (direct writes). */
    static final class InMemoryUnits extends OrgUnitRepository {
        final Map<OrgUnitId, OrgUnit> rows = new ConcurrentHashMap<>();
        final AtomicInteger reads = new AtomicInteger();

        InMemoryUnits() {
            super(null);
        }

        @Override
        void lockTree() {}

        @Override
        List<OrgUnit> findAll() {
            reads.incrementAndGet();
            return List.copyOf(rows.values());
        }

        @Override
        void insert(OrgUnit unit) {
            rows.put(unit.id(), unit);
        }

        @Override
        void update(OrgUnit unit) {
            rows.put(unit.id(), unit);
        }
    }

    static final Instant CREATED = Instant.parse("2026-11-28T10:00:00Z");

    final MutableClock clock = new MutableClock();
    final InMemoryUnits units = new InMemoryUnits();
    final OrgService org = new OrgService(units, clock);

    OrgUnit company;
    OrgUnit marketing;
    OrgUnit sales;
    OrgUnit content;

    @BeforeEach
    void seed() {
        company = org.createUnchecked(OrgUnitKind.COMPANY, null, "Acme");
        marketing = org.createUnchecked(OrgUnitKind.DEPARTMENT, company.id(), "Marketing");
        sales = org.createUnchecked(OrgUnitKind.DEPARTMENT, company.id(), "Sales");
        content = org.createUnchecked(OrgUnitKind.TEAM, marketing.id(), "Content");
    }

    private List<String> path(OrgUnit unit) {
        return org.pathToRoot(unit.id()).stream().map(OrgUnit::name).toList();
    }

    @Test
    void repeated_lookups_read_the_tree_once() {
        path(content);
        int reads = units.reads.get();

        path(content);
        path(marketing);

        assertThat(units.reads).hasValue(reads);
    }

    @Test
    void a_move_on_this_node_changes_the_path_at_once() {
        assertThat(path(content)).containsExactly("Content", "Marketing", "Acme");

        org.move(content.id(), sales.id());

        assertThat(path(content)).containsExactly("Content", "Sales", "Acme");
    }

    @Test
    void a_rename_on_this_node_shows_in_the_path_at_once() {
        path(content);

        org.rename(marketing.id(), "Brand");

        assertThat(path(content)).containsExactly("Content", "Brand", "Acme");
    }

    @Test
    void archiving_and_restoring_on_this_node_show_at_once() {
        path(content);

        org.archive(content.id());
        assertThat(org.pathToRoot(content.id()).getFirst().archived()).isTrue();

        org.restore(content.id());
        assertThat(org.pathToRoot(content.id()).getFirst().archived()).isFalse();
    }

    @Test
    void a_move_made_by_another_node_is_seen_here_once_the_ttl_has_passed() {
        path(content);
        // another node moves Content under Sales: this node's cache is not told
        units.update(new OrgUnit(content.id(), sales.id(), OrgUnitKind.TEAM, "Content", CREATED, null));

        clock.advance(Duration.ofSeconds(OrgService.CACHE_TTL_SECONDS).minusMillis(100));
        assertThat(path(content)).as("still the snapshot").containsExactly("Content", "Marketing", "Acme");

        clock.advance(Duration.ofMillis(200));
        assertThat(path(content)).containsExactly("Content", "Sales", "Acme");
    }

    @Test
    void a_unit_created_by_another_node_is_found_without_waiting_for_the_ttl() {
        path(content);
        OrgUnit video =
                new OrgUnit(new OrgUnitId(UUID.randomUUID()), marketing.id(), OrgUnitKind.TEAM, "Video", CREATED, null);
        units.insert(video);

        assertThat(path(video)).containsExactly("Video", "Marketing", "Acme");
    }

    @Test
    void an_unknown_unit_is_still_not_found() {
        assertThatThrownBy(() -> org.pathToRoot(new OrgUnitId(UUID.randomUUID())))
                .isInstanceOf(OrgNotFoundException.class);
    }
}
