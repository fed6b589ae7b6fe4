package dev.switchboard.ui.admin.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.org.OrgUnitKind;
import dev.switchboard.org.OrgUnitNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrgOutlineTest {

    static final Instant NOW = Instant.parse("2026-11-28T00:00:00Z");

    final OrgUnit acme = unit(OrgUnitKind.COMPANY, null, "Acme Corp");
    final OrgUnit marketing = unit(OrgUnitKind.DEPARTMENT, acme, "Marketing");
    final OrgUnit content = unit(OrgUnitKind.TEAM, marketing, "Content");
    final OrgUnit launch = unit(OrgUnitKind.PROJECT, content, "Launch");
    final OrgUnit it = unit(OrgUnitKind.DEPARTMENT, acme, "IT");
    final OrgUnit sales = archived(unit(OrgUnitKind.DEPARTMENT, acme, "Sales"));

    final OrgOutline outline =
            new OrgOutline(node(acme, node(it), node(marketing, node(content, node(launch))), node(sales)));

    @Test
    void labels_a_unit_with_its_path_from_the_company() {
        assertThat(outline.path(launch)).isEqualTo("Acme Corp / Marketing / Content / Launch");
        assertThat(outline.path(acme)).isEqualTo("Acme Corp");
    }

    @Test
    void offers_only_the_kinds_allowed_under_the_parent() {
        assertThat(OrgOutline.kindsAllowedUnder(acme)).containsExactly(OrgUnitKind.DEPARTMENT);
        assertThat(OrgOutline.kindsAllowedUnder(marketing))
                .containsExactly(OrgUnitKind.DEPARTMENT, OrgUnitKind.TEAM, OrgUnitKind.PROJECT);
        assertThat(OrgOutline.acceptsChildren(launch)).isFalse();
        assertThat(OrgOutline.acceptsChildren(sales)).as("archived").isFalse();
    }

    @Test
    void offers_as_new_parents_only_active_allowed_units_outside_the_units_own_subtree() {
        // not the company (current parent), not itself, not its team (a cycle and a wrong kind), not Sales (archived)
        assertThat(outline.possibleNewParents(marketing)).containsExactly(it);
        // not Marketing (current parent), not the company (teams sit under departments or teams)
        assertThat(outline.possibleNewParents(content)).containsExactly(it);
        assertThat(outline.possibleNewParents(launch)).containsExactly(it, marketing);
    }

    @Test
    void lists_ancestors_from_the_company_down() {
        assertThat(outline.ancestorsOf(launch)).containsExactly(acme, marketing, content);
        assertThat(outline.ancestorsOf(acme)).isEmpty();
    }

    static OrgUnit unit(OrgUnitKind kind, OrgUnit parent, String name) {
        OrgUnitId parentId = parent == null ? null : parent.id();
        return new OrgUnit(new OrgUnitId(UUID.randomUUID()), parentId, kind, name, NOW, null);
    }

    static OrgUnit archived(OrgUnit unit) {
        return new OrgUnit(unit.id(), unit.parentId(), unit.kind(), unit.name(), unit.createdAt(), NOW);
    }

    static OrgUnitNode node(OrgUnit unit, OrgUnitNode... children) {
        return new OrgUnitNode(unit, List.of(children));
    }
}
