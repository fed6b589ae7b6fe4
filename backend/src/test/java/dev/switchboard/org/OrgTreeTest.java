package dev.switchboard.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrgTreeTest {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    final List<OrgUnit> units = new ArrayList<>();

    OrgTree tree() {
        return new OrgTree(units);
    }

    OrgUnit add(OrgUnitKind kind, OrgUnit parent, String name) {
        OrgUnit unit = tree().create(kind, parent == null ? null : parent.id(), name, NOW);
        units.add(unit);
        return unit;
    }

    @Test
    void a_department_may_sit_under_the_company_and_a_team_under_a_department() {
        OrgUnit company = add(OrgUnitKind.COMPANY, null, "Acme");
        OrgUnit marketing = add(OrgUnitKind.DEPARTMENT, company, "Marketing");
        OrgUnit content = add(OrgUnitKind.TEAM, marketing, "Content");

        assertThat(tree().pathToRoot(content.id()))
                .extracting(OrgUnit::name)
                .containsExactly("Content", "Marketing", "Acme");
        OrgUnitNode root = tree().toNodes(false).orElseThrow();
        assertThat(root.children())
                .singleElement()
                .satisfies(n -> assertThat(n.children()).hasSize(1));
    }

    @Test
    void names_are_trimmed_and_must_not_be_blank_or_too_long() {
        OrgUnit company = add(OrgUnitKind.COMPANY, null, "  Acme  ");
        assertThat(company.name()).isEqualTo("Acme");

        assertThatThrownBy(() -> tree().create(OrgUnitKind.DEPARTMENT, company.id(), " ", NOW))
                .isInstanceOf(OrgValidationException.class)
                .satisfies(e -> assertThat(((OrgValidationException) e).field()).isEqualTo("name"));
        assertThatThrownBy(() -> tree().create(OrgUnitKind.DEPARTMENT, company.id(), "x".repeat(101), NOW))
                .hasMessageContaining("at most 100");
    }

    @Test
    void there_is_exactly_one_company() {
        add(OrgUnitKind.COMPANY, null, "Acme");
        assertThatThrownBy(() -> tree().create(OrgUnitKind.COMPANY, null, "Other", NOW))
                .isInstanceOf(OrgConflictException.class);
    }

    @Test
    void a_project_cannot_be_a_parent_and_a_team_cannot_sit_under_the_company() {
        OrgUnit company = add(OrgUnitKind.COMPANY, null, "Acme");
        OrgUnit it = add(OrgUnitKind.DEPARTMENT, company, "IT");
        OrgUnit project = add(OrgUnitKind.PROJECT, it, "Migration");

        assertThatThrownBy(() -> tree().create(OrgUnitKind.TEAM, company.id(), "Ops", NOW))
                .hasMessageContaining("cannot be placed under a company");
        assertThatThrownBy(() -> tree().create(OrgUnitKind.TEAM, project.id(), "Ops", NOW))
                .hasMessageContaining("cannot be placed under a project");
    }

    @Test
    void moving_under_a_descendant_is_a_cycle_and_refused() {
        OrgUnit company = add(OrgUnitKind.COMPANY, null, "Acme");
        OrgUnit outer = add(OrgUnitKind.DEPARTMENT, company, "Outer");
        OrgUnit inner = add(OrgUnitKind.DEPARTMENT, outer, "Inner");

        assertThatThrownBy(() -> tree().move(outer.id(), inner.id())).hasMessageContaining("descendants");
        assertThatThrownBy(() -> tree().move(outer.id(), outer.id())).hasMessageContaining("itself");
    }

    @Test
    void a_move_keeps_sibling_names_unique() {
        OrgUnit company = add(OrgUnitKind.COMPANY, null, "Acme");
        OrgUnit a = add(OrgUnitKind.DEPARTMENT, company, "A");
        OrgUnit b = add(OrgUnitKind.DEPARTMENT, company, "B");
        add(OrgUnitKind.TEAM, a, "Core");
        OrgUnit core = add(OrgUnitKind.TEAM, b, "core");

        assertThatThrownBy(() -> tree().move(core.id(), a.id())).hasMessageContaining("already exists under 'A'");
    }

    @Test
    void archived_names_are_free_again_and_nothing_can_be_added_under_an_archived_unit() {
        OrgUnit company = add(OrgUnitKind.COMPANY, null, "Acme");
        OrgUnit old = add(OrgUnitKind.DEPARTMENT, company, "Legal");
        OrgUnit archived = tree().archive(old.id(), NOW);
        units.set(units.indexOf(old), archived);

        assertThat(add(OrgUnitKind.DEPARTMENT, company, "Legal").archived()).isFalse();
        assertThatThrownBy(() -> tree().create(OrgUnitKind.TEAM, archived.id(), "Ghost", NOW))
                .hasMessageContaining("is archived");
        assertThatThrownBy(() -> tree().restore(archived.id())).hasMessageContaining("already exists");
    }
}
