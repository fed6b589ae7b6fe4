package dev.switchboard.org;

import dev.switchboard.platform.ConditionalOnNodeRole;
import dev.switchboard.platform.NodeRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the organisation tree. Reading needs any role; changes need platform-admin. */
@RestController
@RequestMapping("/api/v1/org-units")
@ConditionalOnNodeRole(NodeRole.API)
@Tag(name = "Organisation", description = "The tree of org units: company, departments, teams and projects")
class OrgUnitController {

    private final OrgService org;

    OrgUnitController(OrgService org) {
        this.org = org;
    }

    record OrgUnitResponse(
            UUID id,
            UUID parentId,
            OrgUnitKind kind,
            String name,
            String status,
            Instant createdAt,
            Instant archivedAt) {
        static OrgUnitResponse of(OrgUnit u) {
            return new OrgUnitResponse(
                    u.id().value(),
                    u.parentId() == null ? null : u.parentId().value(),
                    u.kind(),
                    u.name(),
                    u.archived() ? "archived" : "active",
                    u.createdAt(),
                    u.archivedAt());
        }
    }

    record TreeResponse(OrgUnitResponse unit, List<TreeResponse> children) {
        static TreeResponse of(OrgUnitNode node) {
            return new TreeResponse(
                    OrgUnitResponse.of(node.unit()),
                    node.children().stream().map(TreeResponse::of).toList());
        }
    }

    record CreateRequest(
            @NotNull OrgUnitKind kind,
            UUID parentId,
            @NotBlank @Size(max = OrgUnitName.MAX_LENGTH) String name) {}

    record RenameRequest(
            @NotBlank @Size(max = OrgUnitName.MAX_LENGTH) String name) {}

    record MoveRequest(@NotNull UUID parentId) {}

    @GetMapping
    @Operation(summary = "All org units, flat, in creation order")
    List<OrgUnitResponse> list(@RequestParam(defaultValue = "false") boolean includeArchived) {
        return org.list(includeArchived).stream().map(OrgUnitResponse::of).toList();
    }

    @GetMapping("/tree")
    @Operation(summary = "The tree from the company down")
    TreeResponse tree(@RequestParam(defaultValue = "false") boolean includeArchived) {
        return TreeResponse.of(org.tree(includeArchived));
    }

    @GetMapping("/{id}")
    OrgUnitResponse get(@PathVariable UUID id) {
        return OrgUnitResponse.of(org.get(new OrgUnitId(id)));
    }

    @PostMapping
    @Operation(summary = "Create a department, team or project under a parent")
    ResponseEntity<OrgUnitResponse> create(@Valid @RequestBody CreateRequest request) {
        OrgUnit created = org.create(
                request.kind(), request.parentId() == null ? null : new OrgUnitId(request.parentId()), request.name());
        return ResponseEntity.created(URI.create("/api/v1/org-units/" + created.id()))
                .body(OrgUnitResponse.of(created));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Rename")
    OrgUnitResponse rename(@PathVariable UUID id, @Valid @RequestBody RenameRequest request) {
        return OrgUnitResponse.of(org.rename(new OrgUnitId(id), request.name()));
    }

    @PostMapping("/{id}/move")
    @Operation(summary = "Move under another parent (no cycles, allowed kinds only)")
    OrgUnitResponse move(@PathVariable UUID id, @Valid @RequestBody MoveRequest request) {
        return OrgUnitResponse.of(org.move(new OrgUnitId(id), new OrgUnitId(request.parentId())));
    }

    @PostMapping("/{id}/archive")
    @Operation(summary = "Archive a unit that has no active children")
    OrgUnitResponse archive(@PathVariable UUID id) {
        return OrgUnitResponse.of(org.archive(new OrgUnitId(id)));
    }

    @PostMapping("/{id}/restore")
    OrgUnitResponse restore(@PathVariable UUID id) {
        return OrgUnitResponse.of(org.restore(new OrgUnitId(id)));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete = archive: units stay for the ledger and budgets that refer to them")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        org.archive(new OrgUnitId(id));
        return ResponseEntity.noContent().build();
    }
}
