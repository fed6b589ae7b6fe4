package dev.switchboard.org;

import dev.switchboard.platform.CachedSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation tree: company → departments → teams and projects. Everyone signed in may read it;
 * only platform admins change it. Units are archived, never deleted, because budgets and the ledger
 * keep referring to them.
 *
 * <p>{@link #pathToRoot} is on the gateway's hot path (every call resolves its unit's policy and markup
 * along it): it answers from a snapshot of the tree kept for {@value #CACHE_TTL_SECONDS} seconds. A
 * change made on this node is seen at once (the snapshot is dropped when the change commits); a change
 * made on another node takes effect here within {@value #CACHE_TTL_SECONDS} seconds.
 */
@Service
public class OrgService {

    static final long CACHE_TTL_SECONDS = 5;

    private final OrgUnitRepository units;
    private final Clock clock;
    private final CachedSnapshot<OrgTree> cached;

    OrgService(OrgUnitRepository units, Clock clock) {
        this.units = units;
        this.clock = clock;
        this.cached = new CachedSnapshot<>(Duration.ofSeconds(CACHE_TTL_SECONDS), clock, this::load);
    }

    /** The tree from the company down; archived units only when asked for. */
    @Transactional(readOnly = true)
    public OrgUnitNode tree(boolean includeArchived) {
        return load().toNodes(includeArchived)
                .orElseThrow(() -> new OrgNotFoundException("company", "(not yet created)"));
    }

    @Transactional(readOnly = true)
    public List<OrgUnit> list(boolean includeArchived) {
        return units.findAll().stream()
                .filter(u -> includeArchived || !u.archived())
                .sorted(java.util.Comparator.comparing(OrgUnit::createdAt).thenComparing(OrgUnit::name))
                .toList();
    }

    /** The root of the tree; it exists from the first start on and is never moved or archived. */
    @Transactional(readOnly = true)
    public OrgUnit company() {
        return load().company().orElseThrow(() -> new OrgNotFoundException("company", "(not yet created)"));
    }

    @Transactional(readOnly = true)
    public OrgUnit get(OrgUnitId id) {
        return load().get(id);
    }

    /**
     * The unit followed by its ancestors up to the company (the chain budgets are charged along), from
     * the cached tree; see the class comment for how fresh it is.
     */
    public List<OrgUnit> pathToRoot(OrgUnitId id) {
        OrgTree tree = cached.get();
        if (tree.find(id).isEmpty()) {
            tree = cached.reload(); // created on another node since the snapshot was taken?
        }
        return tree.pathToRoot(id);
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public OrgUnit create(OrgUnitKind kind, OrgUnitId parentId, String name) {
        return createUnchecked(kind, parentId, name);
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public OrgUnit rename(OrgUnitId id, String name) {
        units.lockTree();
        cached.invalidateOnCompletion();
        OrgUnit renamed = load().rename(id, name);
        units.update(renamed);
        return renamed;
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public OrgUnit move(OrgUnitId id, OrgUnitId newParentId) {
        units.lockTree();
        cached.invalidateOnCompletion();
        OrgUnit moved = load().move(id, newParentId);
        units.update(moved);
        return moved;
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public OrgUnit archive(OrgUnitId id) {
        units.lockTree();
        cached.invalidateOnCompletion();
        OrgUnit archived = load().archive(id, OrgUnitRepository.truncate(clock.instant()));
        units.update(archived);
        return archived;
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public OrgUnit restore(OrgUnitId id) {
        units.lockTree();
        cached.invalidateOnCompletion();
        OrgUnit restored = load().restore(id);
        units.update(restored);
        return restored;
    }

    /** For start-up code running without a signed-in user (bootstrap, demo seed). */
    @Transactional
    OrgUnit createUnchecked(OrgUnitKind kind, OrgUnitId parentId, String name) {
        units.lockTree();
        cached.invalidateOnCompletion();
        OrgUnit created = load().create(kind, parentId, name, OrgUnitRepository.truncate(clock.instant()));
        units.insert(created);
        return created;
    }

    private OrgTree load() {
        return new OrgTree(units.findAll());
    }
}
