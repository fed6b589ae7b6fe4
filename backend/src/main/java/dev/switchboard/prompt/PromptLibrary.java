package dev.switchboard.prompt;

import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.org.UnitAccess;
import dev.switchboard.prompts.PromptDiff;
import dev.switchboard.prompts.PromptException;
import dev.switchboard.prompts.PromptProblem;
import dev.switchboard.prompts.PromptRenderer;
import dev.switchboard.prompts.PromptTemplate;
import dev.switchboard.prompts.PromptYaml;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The prompt store: templates of org units (or shared company-wide), each a line of versions. A
 * template has at most one draft, which its designers edit and publish; published versions never change
 * (the database refuses it), so a workflow that uses version 3 always gets version 3. Rolling back makes
 * the draft a copy of an older version. Import and export use the library's YAML format.
 */
@Service
public class PromptLibrary {

    private final PromptRepository prompts;
    private final PromptAccess access;
    private final OrgService org;
    private final PromptRenderer renderer;
    private final Clock clock;

    PromptLibrary(PromptRepository prompts, PromptAccess access, OrgService org, PromptRenderer renderer, Clock clock) {
        this.prompts = prompts;
        this.access = access;
        this.org = org;
        this.renderer = renderer;
        this.clock = clock;
    }

    /** Templates the caller may read, newest change first, filtered by words and a tag (both optional). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<PromptSummary> list(String search, String tag) {
        UnitAccess.Caller caller = access.caller();
        String words = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        return prompts.summaries().stream()
                .filter(s -> access.canRead(caller, s.orgUnitId()))
                .filter(s -> tag == null
                        || tag.isBlank()
                        || s.tags().contains(tag.strip().toLowerCase(Locale.ROOT)))
                .filter(s -> words.isEmpty()
                        || (s.key() + " " + s.name() + " " + s.description() + " " + String.join(" ", s.tags()))
                                .toLowerCase(Locale.ROOT)
                                .contains(words))
                .toList();
    }

    /** Every version, oldest first. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<PromptVersion> versions(PromptId id) {
        readable(id);
        return prompts.versions(id);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public PromptVersion version(PromptId id, int number) {
        readable(id);
        return existing(id, number);
    }

    /** The draft if there is one, else the newest version: what an editor opens. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public PromptVersion current(PromptId id) {
        readable(id);
        return prompts.versions(id).getLast();
    }

    /** The newest published version of the template with this key: what workflows use. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public PromptVersion published(String key) {
        PromptRepository.TemplateRow row = prompts.findTemplateByKey(key)
                .orElseThrow(() -> new PromptNotFoundException("no prompt template has the key '" + key + "'"));
        access.requireRead(access.caller(), row);
        return prompts.versions(row.id()).stream()
                .filter(PromptVersion::published)
                .reduce((a, b) -> b)
                .orElseThrow(
                        () -> new PromptNotFoundException("prompt template '" + key + "' has no published version"));
    }

    /**
     * A published version by key for the workflow engine, which runs without a signed-in user: who may
     * use the template was checked when the workflow naming it was published.
     *
     * @param number {@code null} for the newest published version
     */
    @Transactional(readOnly = true)
    public Optional<PromptVersion> publishedVersion(String key, Integer number) {
        return prompts.findTemplateByKey(key)
                .filter(row -> row.archivedAt() == null)
                .flatMap(row -> prompts.versions(row.id()).stream()
                        .filter(PromptVersion::published)
                        .filter(v -> number == null || v.number() == number)
                        .reduce((a, b) -> b));
    }

    /** Everything wrong with a template as written; nothing is stored (live validation). */
    public List<PromptProblem> check(PromptTemplate template) {
        return renderer.check(template);
    }

    /**
     * A new template with version 1 as its draft.
     *
     * @param orgUnitId the owning unit; {@code null} shares it company-wide (platform admins only)
     * @throws PromptException when the template has problems
     */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DESIGNER')")
    @Transactional
    public PromptVersion create(OrgUnitId orgUnitId, PromptTemplate template) {
        UnitAccess.Caller caller = access.caller();
        if (orgUnitId != null) {
            org.get(orgUnitId);
        }
        access.requireEdit(caller, orgUnitId);
        requireSound(template);
        if (prompts.keyTaken(template.key())) {
            throw new PromptConflictException("the key '" + template.key() + "' is taken by another template");
        }
        PromptId id = new PromptId(UUID.randomUUID());
        prompts.insertTemplate(new PromptRepository.TemplateRow(
                id, template.key(), orgUnitId, PromptSource.USER, caller.username(), now(), null));
        return insert(id, 1, VersionStatus.DRAFT, template, null, caller.username());
    }

    /** Saves the template as the draft: the open draft is replaced, or a new one follows the newest version. */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DESIGNER')")
    @Transactional
    public PromptVersion saveDraft(PromptId id, PromptTemplate template) {
        PromptRepository.TemplateRow row = editable(id);
        if (!template.key().equals(row.key())) {
            throw new PromptInputException(
                    "key",
                    "the key of a template never changes ('" + row.key()
                            + "'); import the YAML as a new template instead");
        }
        requireSound(template);
        return draftOf(row, template, null);
    }

    /** Publishes the draft; it is immutable from now on. */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DESIGNER')")
    @Transactional
    public PromptVersion publish(PromptId id) {
        PromptRepository.TemplateRow row = editable(id);
        PromptVersion draft = openDraft(row.id());
        requireSound(draft.template());
        prompts.publish(id, draft.number(), access.caller().username(), now());
        return existing(id, draft.number());
    }

    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DESIGNER')")
    @Transactional
    public void discardDraft(PromptId id) {
        editable(id);
        PromptVersion draft = openDraft(id);
        if (prompts.versions(id).size() == 1) {
            throw new PromptConflictException(
                    "the first version of a template is not discarded (the template would have none);"
                            + " archive the template instead");
        }
        prompts.deleteDraft(id, draft.number());
    }

    /** Makes the draft a copy of an older version (a new draft if none is open); publish it to roll back. */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DESIGNER')")
    @Transactional
    public PromptVersion rollback(PromptId id, int toNumber) {
        PromptRepository.TemplateRow row = editable(id);
        PromptVersion old = existing(id, toNumber);
        return draftOf(row, old.template(), old.number());
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public PromptDiff diff(PromptId id, int fromNumber, int toNumber) {
        readable(id);
        return PromptDiff.between(
                existing(id, fromNumber).template(), existing(id, toNumber).template());
    }

    /**
     * Imports a template from YAML: a new template in {@code orgUnitId} when its key is new, else the
     * draft of the existing template with that key (which the caller must be allowed to change).
     */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DESIGNER')")
    @Transactional
    public PromptVersion importYaml(String yaml, OrgUnitId orgUnitId) {
        PromptTemplate template = PromptYaml.read(yaml);
        return prompts.findTemplateByKey(template.key())
                .map(existing -> saveDraft(existing.id(), template))
                .orElseGet(() -> create(orgUnitId, template));
    }

    /** The version as YAML (the same format import takes); the newest one when {@code number} is null. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public String exportYaml(PromptId id, Integer number) {
        readable(id);
        return (number == null ? prompts.versions(id).getLast() : existing(id, number)).yaml();
    }

    /** Archives the template: it leaves lists and searches; its versions stay for the runs that used them. */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DESIGNER')")
    @Transactional
    public void archive(PromptId id) {
        editable(id);
        prompts.archive(id, now());
    }

    /** The template row, if the caller may read it. */
    PromptRepository.TemplateRow readable(PromptId id) {
        PromptRepository.TemplateRow row = prompts.findTemplate(id)
                .orElseThrow(() -> new PromptNotFoundException("prompt template " + id + " does not exist"));
        access.requireRead(access.caller(), row);
        return row;
    }

    private PromptRepository.TemplateRow editable(PromptId id) {
        PromptRepository.TemplateRow row = readable(id);
        access.requireEdit(access.caller(), row.orgUnitId());
        return row;
    }

    private PromptVersion draftOf(PromptRepository.TemplateRow row, PromptTemplate template, Integer basedOn) {
        String by = access.caller().username();
        return prompts.versions(row.id()).stream()
                .filter(v -> v.status() == VersionStatus.DRAFT)
                .findFirst()
                .map(draft -> {
                    PromptVersion updated = new PromptVersion(
                            row.id(),
                            draft.number(),
                            VersionStatus.DRAFT,
                            template,
                            PromptYaml.write(template),
                            draft.basedOn(),
                            draft.createdBy(),
                            draft.createdAt(),
                            null,
                            null);
                    prompts.updateDraft(updated, Fingerprints.of(updated.yaml()));
                    return existing(row.id(), draft.number());
                })
                .orElseGet(() ->
                        insert(row.id(), prompts.nextNumber(row.id()), VersionStatus.DRAFT, template, basedOn, by));
    }

    PromptVersion insert(
            PromptId id, int number, VersionStatus status, PromptTemplate template, Integer basedOn, String by) {
        Instant now = now();
        String yaml = PromptYaml.write(template);
        PromptVersion version = new PromptVersion(
                id,
                number,
                status,
                template,
                yaml,
                basedOn,
                by,
                now,
                status == VersionStatus.PUBLISHED ? by : null,
                status == VersionStatus.PUBLISHED ? now : null);
        prompts.insertVersion(version, Fingerprints.of(yaml));
        return version;
    }

    private PromptVersion openDraft(PromptId id) {
        return prompts.versions(id).stream()
                .filter(v -> v.status() == VersionStatus.DRAFT)
                .findFirst()
                .orElseThrow(
                        () -> new PromptConflictException("template " + id + " has no draft to publish or discard"));
    }

    private PromptVersion existing(PromptId id, int number) {
        return prompts.version(id, number)
                .orElseThrow(() -> new PromptNotFoundException("template " + id + " has no version " + number));
    }

    private void requireSound(PromptTemplate template) {
        List<PromptProblem> problems = renderer.check(template);
        if (!problems.isEmpty()) {
            throw new PromptException(problems);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
