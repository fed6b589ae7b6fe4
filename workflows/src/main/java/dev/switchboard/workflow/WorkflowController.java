package dev.switchboard.workflow;

import dev.switchboard.org.OrgUnitId;
import dev.switchboard.platform.ConditionalOnNodeRole;
import dev.switchboard.platform.NodeRole;
import dev.switchboard.platform.Problems;
import dev.switchboard.prompts.DiffLine;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * REST API of the workflow library: workflows as JSON documents, drafts, published versions, diff,
 * rollback, import, export, live validation and the published JSON Schema of the language.
 */
@RestController
@RequestMapping("/api/v1/workflows")
@ConditionalOnNodeRole(NodeRole.API)
@Tag(name = "Workflows", description = "Versioned workflow definitions of org units and shared ones")
class WorkflowController {

    private final WorkflowStore store;

    WorkflowController(WorkflowStore store) {
        this.store = store;
    }

    record VersionResponse(
            UUID workflowId,
            String key,
            int number,
            String status,
            JsonNode definition,
            String createdBy,
            Instant createdAt,
            String publishedBy,
            Instant publishedAt) {
        static VersionResponse of(WorkflowVersion v) {
            return new VersionResponse(
                    v.workflowId(),
                    v.key(),
                    v.number(),
                    v.published() ? "PUBLISHED" : "DRAFT",
                    WorkflowDocuments.tree(v.definition()),
                    v.createdBy(),
                    v.createdAt(),
                    v.publishedBy(),
                    v.publishedAt());
        }
    }

    record CheckResponse(boolean ok, List<WorkflowProblem> problems) {}

    record SectionResponse(String name, boolean changed, List<DiffLine> lines) {}

    /** Every problem of an invalid workflow, each with its node and field, as {@code errors}. */
    @ExceptionHandler(WorkflowExceptions.Invalid.class)
    ProblemDetail invalid(WorkflowExceptions.Invalid e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-workflow", e.getMessage());
        problem.setProperties(Map.of("errors", e.problems()));
        return problem;
    }

    @GetMapping
    @Operation(summary = "Workflows you may read; search by key or name")
    List<WorkflowSummary> list(@RequestParam(required = false) String search) {
        return store.list(search);
    }

    @GetMapping(value = "/schema", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The JSON Schema of the workflow language")
    JsonNode schema() {
        return WorkflowDocuments.schema();
    }

    @PostMapping("/check")
    @Operation(summary = "Every problem of a workflow document (live validation); nothing is stored")
    CheckResponse check(@RequestBody String json) {
        List<WorkflowProblem> problems = store.check(json);
        return new CheckResponse(problems.isEmpty(), problems);
    }

    @PostMapping
    @Operation(summary = "Create a workflow from its JSON (version 1, a draft) in an org unit, or shared (admins)")
    ResponseEntity<VersionResponse> create(@RequestParam(required = false) UUID orgUnitId, @RequestBody String json) {
        WorkflowVersion created = store.create(orgUnitId == null ? null : new OrgUnitId(orgUnitId), json);
        return ResponseEntity.created(URI.create("/api/v1/workflows/" + created.workflowId()))
                .body(VersionResponse.of(created));
    }

    @PostMapping("/import")
    @Operation(summary = "Import a workflow: new when its key is new, else a draft of the workflow with that key")
    VersionResponse importJson(@RequestParam(required = false) UUID orgUnitId, @RequestBody String json) {
        return VersionResponse.of(store.importJson(json, orgUnitId == null ? null : new OrgUnitId(orgUnitId)));
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "Every version, oldest first")
    List<VersionResponse> versions(@PathVariable UUID id) {
        return store.versions(id).stream().map(VersionResponse::of).toList();
    }

    @GetMapping("/{id}/versions/{number}")
    VersionResponse version(@PathVariable UUID id, @PathVariable int number) {
        return VersionResponse.of(store.version(id, number));
    }

    @PutMapping("/{id}/draft")
    @Operation(summary = "Save the draft (replaces the open draft, or starts one after the newest version)")
    VersionResponse saveDraft(@PathVariable UUID id, @RequestBody String json) {
        return VersionResponse.of(store.saveDraft(id, json));
    }

    @DeleteMapping("/{id}/draft")
    ResponseEntity<Void> discardDraft(@PathVariable UUID id) {
        store.discardDraft(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "Validate and publish the draft; published versions never change")
    VersionResponse publish(@PathVariable UUID id) {
        return VersionResponse.of(store.publish(id));
    }

    @PostMapping("/{id}/versions/{number}/rollback")
    @Operation(summary = "Make the draft a copy of this version; publish it to roll back")
    VersionResponse rollback(@PathVariable UUID id, @PathVariable int number) {
        return VersionResponse.of(store.rollback(id, number));
    }

    @GetMapping("/{id}/diff")
    @Operation(summary = "What changed between two versions: about, inputs, each node, edges, layout")
    List<SectionResponse> diff(@PathVariable UUID id, @RequestParam int from, @RequestParam int to) {
        return store.diff(id, from, to).stream()
                .map(s -> new SectionResponse(s.name(), s.changed(), s.lines()))
                .toList();
    }

    @GetMapping(value = "/{id}/export", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A version as JSON (the newest when none is named), the format import takes")
    ResponseEntity<String> export(@PathVariable UUID id, @RequestParam(required = false) Integer version) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(store.exportJson(id, version));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Archive the workflow (versions and runs stay)")
    ResponseEntity<Void> archive(@PathVariable UUID id) {
        store.archive(id);
        return ResponseEntity.noContent().build();
    }
}
