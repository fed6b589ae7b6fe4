package dev.switchboard.workflow;

import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.org.UnitAccess;
import dev.switchboard.prompts.LineDiff;
import dev.switchboard.prompts.PromptDiff;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workflow library: workflows owned by org units (or shared), each with drafts and immutable
 * published versions, diffs between versions, rollback, and import/export as the same JSON. Nothing
 * is published that does not validate; drafts may be saved while incomplete, as long as they read.
 */
@Service
public class WorkflowStore {

    private final WorkflowRepository workflows;
    private final UnitAccess access;
    private final OrgService org;
    private final WorkflowCatalog catalog;
    private final Clock clock;

    WorkflowStore(
            WorkflowRepository workflows, UnitAccess access, OrgService org, WorkflowCatalog catalog, Clock clock) {
        this.workflows = workflows;
        this.access = access;
        this.org = org;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** A published version for the engine (which runs without a signed-in user). */
    public record Published(UUID workflowId, String key, int version, String definitionJson) {}

    /** Everything wrong with a workflow document; nothing is stored (live validation). */
    @PreAuthorize("isAuthenticated()")
    public List<WorkflowProblem> check(String json) {
        WorkflowDocuments.Read read = WorkflowDocuments.read(json);
        if (read.definition() == null) {
            return read.problems();
        }
        return WorkflowValidator.validate(read.definition(), catalog);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<WorkflowSummary> list(String search) {
        UnitAccess.Caller caller = access.caller();
        String needle = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        List<WorkflowSummary> out = new ArrayList<>();
        for (WorkflowSummary summary : workflows.summaries()) {
            if (!access.canRead(caller, unit(summary.orgUnitId()))) {
                continue;
            }
            if (!needle.isEmpty()
                    && !summary.key().contains(needle)
                    && !summary.name().toLowerCase(Locale.ROOT).contains(needle)) {
                continue;
            }
            out.add(summary);
        }
        return out;
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<WorkflowVersion> versions(UUID id) {
        WorkflowRepository.WorkflowRow row = readable(id);
        return workflows.versions(id).stream().map(v -> version(row, v)).toList();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public WorkflowVersion version(UUID id, int number) {
        return version(readable(id), existing(id, number));
    }

    /** The newest published version; the one a run uses when none is asked for. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public WorkflowVersion newestPublished(UUID id) {
        WorkflowRepository.WorkflowRow row = readable(id);
        return workflows.versions(id).stream()
                .filter(v -> v.publishedAt() != null)
                .reduce((a, b) -> b)
                .map(v -> version(row, v))
                .orElseThrow(() -> new WorkflowExceptions.Clash(
                        "workflow '" + row.key() + "' has no published version: publish it first"));
    }

    /**
     * A new workflow from its JSON, with version 1 as its draft.
     *
     * @param orgUnitId the owner; {@code null} shares it company-wide (platform admins only)
     */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DESIGNER')")
    @Transactional
    public WorkflowVersion create(OrgUnitId orgUnitId, String json) {
        UnitAccess.Caller caller = access.caller();
        if (orgUnitId != null) {
            org.get(orgUnitId);
        }
        requireEdit(caller, orgUnitId);
        WorkflowDefinition definition = readable(json);
        if (workflows.findByKey(definition.key()).isPresent()) {
            throw new WorkflowExceptions.Clash("the key '" + definition.key() + "' is taken by another workflow");
        }
        UUID id = UUID.randomUUID();
        workflows.insertWorkflow(
                new WorkflowRepository.WorkflowRow(
                        id,
                        definition.key(),
                        orgUnitId == null ? null : orgUnitId.value(),
                        caller.username(),
                        now(),
                        null),
                "USER");
        return insertVersion(id, 1, definition, caller.username());
    }

    /** Saves the JSON as the draft: the open draft is replaced, or a new draft follows the newest version. */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DESIGNER')")
    @Transactional
    public WorkflowVersion saveDraft(UUID id, String json) {
        WorkflowRepository.WorkflowRow row = editable(id);
        WorkflowDefinition definition = readable(json);
        if (!definition.key().equals(row.key())) {
            throw new WorkflowExceptions.BadInput(
                    "key", "the key of a workflow never changes ('" + row.key() + "'); import it as a new workflow");
        }
        return draftOf(row, definition);
    }

    /** Publishes the draft after validating it; it is immutable from now on. */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DESIGNER')")
    @Transactional
    public WorkflowVersion publish(UUID id) {
        WorkflowRepository.WorkflowRow row = editable(id);
        WorkflowRepository.VersionRow draft = openDraft(id);
        WorkflowDefinition definition = WorkflowDocuments.trusted(draft.definitionJson());
        List<WorkflowProblem> problems = WorkflowValidator.validate(definition, catalog);
        if (!problems.isEmpty()) {
            throw new WorkflowExceptions.Invalid(problems);
        }
        workflows.publish(id, draft.number(), access.caller().username(), now());
        return version(row, existing(id, draft.number()));
    }

    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DESIGNER')")
    @Transactional
    public void discardDraft(UUID id) {
        editable(id);
        WorkflowRepository.VersionRow draft = openDraft(id);
        if (workflows.versions(id).size() == 1) {
            throw new WorkflowExceptions.Clash(
                    "the first version of a workflow is not discarded (it would have none); archive the workflow instead");
        }
        workflows.deleteDraft(id, draft.number());
    }

    /** Makes the draft a copy of an older version; publish it to roll back. */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DESIGNER')")
    @Transactional
    public WorkflowVersion rollback(UUID id, int toNumber) {
        WorkflowRepository.WorkflowRow row = editable(id);
        return draftOf(row, WorkflowDocuments.trusted(existing(id, toNumber).definitionJson()));
    }

    /** Line diffs of two versions: about, inputs, each node (by id), edges and layout. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<PromptDiff.Section> diff(UUID id, int fromNumber, int toNumber) {
        readable(id);
        WorkflowDefinition a =
                WorkflowDocuments.trusted(existing(id, fromNumber).definitionJson());
        WorkflowDefinition b = WorkflowDocuments.trusted(existing(id, toNumber).definitionJson());
        Map<String, String[]> parts = new LinkedHashMap<>();
        parts.put("about", new String[] {a.name() + "\n" + a.description(), b.name() + "\n" + b.description()});
        parts.put("inputs", new String[] {WorkflowDocuments.part(a.inputs()), WorkflowDocuments.part(b.inputs())});
        List<String> ids = new ArrayList<>();
        a.nodes().forEach(n -> ids.add(n.id()));
        b.nodes().stream().map(Node::id).filter(n -> !ids.contains(n)).forEach(ids::add);
        for (String nodeId : ids) {
            parts.put("nodes." + nodeId, new String[] {
                a.node(nodeId).map(WorkflowDocuments::part).orElse(""),
                b.node(nodeId).map(WorkflowDocuments::part).orElse("")
            });
        }
        parts.put("edges", new String[] {WorkflowDocuments.part(a.edges()), WorkflowDocuments.part(b.edges())});
        parts.put("layout", new String[] {WorkflowDocuments.part(a.layout()), WorkflowDocuments.part(b.layout())});
        List<PromptDiff.Section> sections = new ArrayList<>();
        parts.forEach((name, texts) -> sections.add(new PromptDiff.Section(name, LineDiff.of(texts[0], texts[1]))));
        return sections;
    }

    /** A new workflow when the document's key is new, else the draft of the workflow with that key. */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DESIGNER')")
    @Transactional
    public WorkflowVersion importJson(String json, OrgUnitId orgUnitId) {
        WorkflowDefinition definition = readable(json);
        return workflows
                .findByKey(definition.key())
                .map(existing -> saveDraft(existing.id(), json))
                .orElseGet(() -> create(orgUnitId, json));
    }

    /** The version as JSON (the same format import takes); the newest when {@code number} is null. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public String exportJson(UUID id, Integer number) {
        readable(id);
        WorkflowRepository.VersionRow v =
                number == null ? workflows.versions(id).getLast() : existing(id, number);
        return WorkflowDocuments.write(WorkflowDocuments.trusted(v.definitionJson()));
    }

    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DESIGNER')")
    @Transactional
    public void archive(UUID id) {
        editable(id);
        workflows.archive(id, now());
    }

    /** For the engine and the validator, without a caller: a published version by key. */
    @Transactional(readOnly = true)
    public Optional<Published> published(String key, Integer number) {
        return workflows
                .findByKey(key)
                .filter(row -> row.archivedAt() == null)
                .flatMap(row -> workflows.versions(row.id()).stream()
                        .filter(v -> v.publishedAt() != null)
                        .filter(v -> number == null || v.number() == number)
                        .reduce((a, b) -> b)
                        .map(v -> new Published(row.id(), row.key(), v.number(), v.definitionJson())));
    }

    /** The id of a workflow by key, for the engine. */
    @Transactional(readOnly = true)
    public UUID idOf(String key) {
        return workflows
                .findByKey(key)
                .map(WorkflowRepository.WorkflowRow::id)
                .orElseThrow(() -> new WorkflowExceptions.NotFound("no workflow has the key '" + key + "'"));
    }

    /** The workflow's owner, if the caller may read it. */
    WorkflowRepository.WorkflowRow readable(UUID id) {
        WorkflowRepository.WorkflowRow row = workflows
                .find(id)
                .orElseThrow(() -> new WorkflowExceptions.NotFound("workflow " + id + " does not exist"));
        if (row.archivedAt() != null || !access.canRead(access.caller(), unit(row.orgUnitId()))) {
            throw new WorkflowExceptions.NotFound("workflow " + id + " does not exist");
        }
        return row;
    }

    /** Imports a bundled workflow (shared) unless the same content is already its newest version. */
    @Transactional
    public void importBundled(String json, String by) {
        workflows.lockLibrary();
        WorkflowDefinition definition = readable(json);
        List<WorkflowProblem> problems = WorkflowValidator.validate(definition, catalog);
        if (!problems.isEmpty()) {
            throw new WorkflowExceptions.Invalid(problems);
        }
        String fingerprint = fingerprint(WorkflowDocuments.write(definition));
        Optional<WorkflowRepository.WorkflowRow> existing = workflows.findByKey(definition.key());
        if (existing.isPresent() && existing.get().orgUnitId() != null) {
            return; // someone's own workflow took the key first: theirs stays
        }
        if (existing.isPresent()
                && workflows.newestFingerprint(existing.get().id()).orElse("").equals(fingerprint)) {
            return;
        }
        UUID id = existing.map(WorkflowRepository.WorkflowRow::id).orElseGet(UUID::randomUUID);
        if (existing.isEmpty()) {
            workflows.insertWorkflow(
                    new WorkflowRepository.WorkflowRow(id, definition.key(), null, by, now(), null), "BUNDLED");
        }
        List<WorkflowRepository.VersionRow> versions = workflows.versions(id);
        versions.stream().filter(v -> v.publishedAt() == null).forEach(v -> workflows.deleteDraft(id, v.number()));
        int number = versions.stream()
                        .mapToInt(WorkflowRepository.VersionRow::number)
                        .max()
                        .orElse(0)
                + 1;
        insertVersion(id, number, definition, by);
        workflows.publish(id, number, by, now());
    }

    private WorkflowRepository.WorkflowRow editable(UUID id) {
        WorkflowRepository.WorkflowRow row = readable(id);
        requireEdit(access.caller(), unit(row.orgUnitId()));
        return row;
    }

    private void requireEdit(UnitAccess.Caller caller, OrgUnitId unit) {
        if (!access.canEdit(caller, unit)) {
            throw new AccessDeniedException(
                    unit == null
                            ? "only platform admins change shared workflows"
                            : "only platform admins and designers of org unit " + unit + " change its workflows");
        }
    }

    private WorkflowVersion draftOf(WorkflowRepository.WorkflowRow row, WorkflowDefinition definition) {
        List<WorkflowRepository.VersionRow> versions = workflows.versions(row.id());
        Optional<WorkflowRepository.VersionRow> draft =
                versions.stream().filter(v -> v.publishedAt() == null).findFirst();
        if (draft.isPresent()) {
            String json = WorkflowDocuments.write(definition);
            workflows.replaceDraft(row.id(), draft.get().number(), json, fingerprint(json), definition.name());
            return version(row, existing(row.id(), draft.get().number()));
        }
        return insertVersion(
                row.id(),
                versions.getLast().number() + 1,
                definition,
                access.caller().username());
    }

    private WorkflowVersion insertVersion(UUID id, int number, WorkflowDefinition definition, String by) {
        String json = WorkflowDocuments.write(definition);
        workflows.insertVersion(
                new WorkflowRepository.VersionRow(id, number, "DRAFT", json, definition.name(), by, now(), null, null),
                fingerprint(json));
        return version(workflows.find(id).orElseThrow(), existing(id, number));
    }

    private WorkflowRepository.VersionRow openDraft(UUID id) {
        return workflows.versions(id).stream()
                .filter(v -> v.publishedAt() == null)
                .findFirst()
                .orElseThrow(
                        () -> new WorkflowExceptions.Clash("workflow " + id + " has no draft to publish or discard"));
    }

    private WorkflowRepository.VersionRow existing(UUID id, int number) {
        return workflows.versions(id).stream()
                .filter(v -> v.number() == number)
                .findFirst()
                .orElseThrow(() -> new WorkflowExceptions.NotFound("workflow " + id + " has no version " + number));
    }

    private static WorkflowDefinition readable(String json) {
        WorkflowDocuments.Read read = WorkflowDocuments.read(json);
        if (read.definition() == null) {
            throw new WorkflowExceptions.Invalid(read.problems());
        }
        return read.definition();
    }

    private static WorkflowVersion version(WorkflowRepository.WorkflowRow row, WorkflowRepository.VersionRow v) {
        return new WorkflowVersion(
                row.id(),
                row.key(),
                v.number(),
                v.publishedAt() != null,
                WorkflowDocuments.trusted(v.definitionJson()),
                v.definitionJson(),
                v.createdBy(),
                v.createdAt(),
                v.publishedBy(),
                v.publishedAt());
    }

    private static OrgUnitId unit(UUID id) {
        return id == null ? null : new OrgUnitId(id);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String fingerprint(String json) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
