package dev.switchboard.prompt;

import dev.switchboard.org.OrgUnitId;
import dev.switchboard.platform.ConditionalOnNodeRole;
import dev.switchboard.platform.NodeRole;
import dev.switchboard.prompts.DiffLine;
import dev.switchboard.prompts.PromptDiff;
import dev.switchboard.prompts.PromptException;
import dev.switchboard.prompts.PromptProblem;
import dev.switchboard.prompts.PromptTemplate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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

/** REST API of the prompt store: templates, drafts, published versions, diff, rollback, import, export. */
@RestController
@RequestMapping("/api/v1/prompts")
@ConditionalOnNodeRole(NodeRole.API)
@Tag(name = "Prompts", description = "Versioned prompt templates of org units, shared ones and the bundled library")
class PromptController {

    static final String YAML = "application/yaml";

    private final PromptLibrary library;

    PromptController(PromptLibrary library) {
        this.library = library;
    }

    record VersionResponse(
            UUID templateId,
            int number,
            VersionStatus status,
            PromptTemplate template,
            Integer basedOn,
            String createdBy,
            Instant createdAt,
            String publishedBy,
            Instant publishedAt) {
        static VersionResponse of(PromptVersion v) {
            return new VersionResponse(
                    v.templateId().value(),
                    v.number(),
                    v.status(),
                    v.template(),
                    v.basedOn(),
                    v.createdBy(),
                    v.createdAt(),
                    v.publishedBy(),
                    v.publishedAt());
        }
    }

    record SummaryResponse(
            UUID id,
            String key,
            UUID orgUnitId,
            boolean shared,
            PromptSource source,
            String name,
            String description,
            List<String> tags,
            int latestVersion,
            Integer publishedVersion,
            Integer draftVersion,
            Instant updatedAt) {
        static SummaryResponse of(PromptSummary s) {
            return new SummaryResponse(
                    s.id().value(),
                    s.key(),
                    s.orgUnitId() == null ? null : s.orgUnitId().value(),
                    s.shared(),
                    s.source(),
                    s.name(),
                    s.description(),
                    s.tags(),
                    s.latestVersion(),
                    s.publishedVersion(),
                    s.draftVersion(),
                    s.updatedAt());
        }
    }

    record CreateRequest(UUID orgUnitId, @NotNull PromptTemplate template) {}

    record DraftRequest(@NotNull PromptTemplate template) {}

    record DiffResponse(int from, int to, boolean identical, List<SectionResponse> sections, String unified) {}

    record SectionResponse(String name, boolean changed, List<DiffLine> lines) {}

    record CheckResponse(boolean ok, List<PromptProblemDetails.Issue> problems) {}

    @ExceptionHandler(PromptException.class)
    ProblemDetail invalidPrompt(PromptException e) {
        return PromptProblemDetails.of(e);
    }

    @GetMapping
    @Operation(summary = "Templates you may read, newest change first; search words and a tag filter")
    List<PromptSummary> list(
            @RequestParam(required = false) String search, @RequestParam(required = false) String tag) {
        return library.list(search, tag);
    }

    @PostMapping
    @Operation(
            summary =
                    "Create a template (version 1, a draft) in an org unit, or shared when orgUnitId is absent (admins)")
    ResponseEntity<VersionResponse> create(@Valid @RequestBody CreateRequest request) {
        PromptVersion created = library.create(
                request.orgUnitId() == null ? null : new OrgUnitId(request.orgUnitId()), request.template());
        return ResponseEntity.created(URI.create("/api/v1/prompts/" + created.templateId()))
                .body(VersionResponse.of(created));
    }

    @PostMapping("/check")
    @Operation(summary = "Every problem of a template as written (live validation); nothing is stored")
    CheckResponse check(@Valid @RequestBody DraftRequest request) {
        List<PromptProblem> problems = library.check(request.template());
        return new CheckResponse(
                problems.isEmpty(),
                problems.stream().map(PromptProblemDetails.Issue::of).toList());
    }

    @GetMapping("/{id}")
    @Operation(summary = "The draft if there is one, else the newest version")
    VersionResponse current(@PathVariable UUID id) {
        return VersionResponse.of(library.current(new PromptId(id)));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Archive the template (versions stay for the runs that used them)")
    ResponseEntity<Void> archive(@PathVariable UUID id) {
        library.archive(new PromptId(id));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{id}/draft")
    @Operation(summary = "Save the draft (replaces the open draft, or starts one after the newest version)")
    VersionResponse saveDraft(@PathVariable UUID id, @Valid @RequestBody DraftRequest request) {
        return VersionResponse.of(library.saveDraft(new PromptId(id), request.template()));
    }

    @DeleteMapping("/{id}/draft")
    @Operation(summary = "Discard the open draft")
    ResponseEntity<Void> discardDraft(@PathVariable UUID id) {
        library.discardDraft(new PromptId(id));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "Publish the draft; published versions never change")
    VersionResponse publish(@PathVariable UUID id) {
        return VersionResponse.of(library.publish(new PromptId(id)));
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "Every version, oldest first")
    List<VersionResponse> versions(@PathVariable UUID id) {
        return library.versions(new PromptId(id)).stream()
                .map(VersionResponse::of)
                .toList();
    }

    @GetMapping("/{id}/versions/{number}")
    VersionResponse version(@PathVariable UUID id, @PathVariable int number) {
        return VersionResponse.of(library.version(new PromptId(id), number));
    }

    @PostMapping("/{id}/versions/{number}/rollback")
    @Operation(summary = "Make the draft a copy of this version; publish it to roll back")
    VersionResponse rollback(@PathVariable UUID id, @PathVariable int number) {
        return VersionResponse.of(library.rollback(new PromptId(id), number));
    }

    @GetMapping("/{id}/diff")
    @Operation(
            summary =
                    "What changed from one version to another, section by section (about, model, variables, messages)")
    DiffResponse diff(@PathVariable UUID id, @RequestParam int from, @RequestParam int to) {
        PromptDiff diff = library.diff(new PromptId(id), from, to);
        return new DiffResponse(
                from,
                to,
                diff.identical(),
                diff.sections().stream()
                        .map(s -> new SectionResponse(s.name(), s.changed(), s.lines()))
                        .toList(),
                diff.unified());
    }

    @PostMapping(
            value = "/import",
            consumes = {YAML, "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Import a template from YAML: a new template, or the draft of the template with its key")
    ResponseEntity<VersionResponse> importYaml(
            @RequestBody String yaml, @RequestParam(required = false) UUID orgUnitId) {
        PromptVersion imported = library.importYaml(yaml, orgUnitId == null ? null : new OrgUnitId(orgUnitId));
        return ResponseEntity.created(URI.create("/api/v1/prompts/" + imported.templateId()))
                .body(VersionResponse.of(imported));
    }

    @GetMapping(
            value = "/{id}/export",
            produces = {YAML, MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "The version (default: the newest) as YAML, the format import takes")
    ResponseEntity<String> export(@PathVariable UUID id, @RequestParam(required = false) Integer version) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(YAML))
                .body(library.exportYaml(new PromptId(id), version));
    }
}
