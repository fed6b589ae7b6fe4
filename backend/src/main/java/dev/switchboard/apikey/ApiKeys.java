package dev.switchboard.apikey;

import dev.switchboard.org.OrgNotFoundException;
import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.org.OrgUnitKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * API keys of the gateway: each belongs to an org unit (and optionally a project) that its calls are
 * charged to. The secret is shown once, at creation; only its SHA-256 is kept. Keys are revoked, never
 * deleted, so the ledger can always name the key a call came with.
 *
 * <p>{@link #authenticate} is the gateway's hot path: it caches lookups per node for {@value
 * #CACHE_TTL_SECONDS} seconds. Expiry and revocation are re-checked against the clock on every call;
 * a revocation takes effect at once on the node that made it and within {@value #CACHE_TTL_SECONDS}
 * seconds on the others.
 *
 * <p>Managing keys (create, list, get, revoke) needs a signed-in platform admin, or a designer or
 * operator who is a member of the key's org unit or of a unit above it.
 */
@Service
public class ApiKeys {

    static final long CACHE_TTL_SECONDS = 30;
    static final int CACHE_MAX_ENTRIES = 10_000;

    private final ApiKeyRepository keys;
    private final OrgService org;
    private final KeyAccess access;
    private final Clock clock;
    private final KeyCache cache;

    ApiKeys(ApiKeyRepository keys, OrgService org, KeyAccess access, Clock clock) {
        this.keys = keys;
        this.org = org;
        this.access = access;
        this.clock = clock;
        this.cache = new KeyCache(Duration.ofSeconds(CACHE_TTL_SECONDS), CACHE_MAX_ENTRIES, clock);
    }

    /** Creates a key; the result carries the secret, which cannot be obtained again. */
    @Transactional
    public CreatedApiKey create(NewApiKey command) {
        OrgUnit unit = activeUnit(command.orgUnitId(), "orgUnitId");
        access.requireManage(unit.id());
        OrgUnitId project = project(command.projectId(), unit);
        Instant now = now();
        Instant expiresAt =
                command.expiresAt() == null ? null : command.expiresAt().truncatedTo(ChronoUnit.MICROS);
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new ApiKeyValidationException("expiresAt", "must be in the future");
        }
        String secret = KeySecrets.generate();
        ApiKey key = new ApiKey(
                new ApiKeyId(UUID.randomUUID()),
                unit.id(),
                project,
                command.name(),
                KeySecrets.displayPrefix(secret),
                access.username(),
                now,
                expiresAt,
                null);
        keys.insert(key, KeySecrets.sha256Hex(secret));
        return new CreatedApiKey(key, secret);
    }

    /** Keys the signed-in person may manage; with a unit, only keys of that unit or project. */
    @Transactional(readOnly = true)
    public List<ApiKey> list(Optional<OrgUnitId> orgUnit) {
        if (orgUnit.isPresent()) {
            access.requireManage(orgUnit.get());
            return keys.findByUnit(orgUnit.get());
        }
        Predicate<OrgUnitId> manageable = access.manageable();
        return keys.findAll().stream()
                .filter(k -> manageable.test(k.orgUnitId()))
                .toList();
    }

    @Transactional(readOnly = true)
    public ApiKey get(ApiKeyId id) {
        ApiKey key = row(id).key();
        access.requireManage(key.orgUnitId());
        return key;
    }

    /** Revokes the key (again is a no-op); it stops authenticating at once on this node. */
    @Transactional
    public ApiKey revoke(ApiKeyId id) {
        ApiKeyRepository.Row row = row(id);
        access.requireManage(row.key().orgUnitId());
        keys.revoke(id, now());
        String hash = row.secretSha256();
        cache.invalidate(hash);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // a request that reloaded the key before this commit must not keep the stale entry
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.invalidate(hash);
                }
            });
        }
        return row(id).key();
    }

    /**
     * The key a request presented, if it exists, is neither revoked nor expired and its org unit is
     * active. Needs no signed-in user.
     */
    public Optional<AuthenticatedKey> authenticate(String presentedSecret) {
        if (!KeySecrets.wellFormed(presentedSecret)) {
            return Optional.empty();
        }
        String hash = KeySecrets.sha256Hex(presentedSecret);
        return cache.get(hash, () -> load(hash))
                .filter(entry -> entry.usableAt(clock.instant()))
                .map(KeyCache.Entry::key);
    }

    private Optional<KeyCache.Entry> load(String hash) {
        return keys.findBySecretSha256(hash).map(row -> {
            ApiKey key = row.key();
            return new KeyCache.Entry(
                    new AuthenticatedKey(key.id(), key.orgUnitId(), key.projectId(), key.name()),
                    key.expiresAt(),
                    key.revokedAt(),
                    unitActive(key.orgUnitId()),
                    clock.instant());
        });
    }

    private boolean unitActive(OrgUnitId id) {
        try {
            return !org.get(id).archived();
        } catch (OrgNotFoundException e) {
            return false;
        }
    }

    private ApiKeyRepository.Row row(ApiKeyId id) {
        return keys.findById(id).orElseThrow(() -> new ApiKeyNotFoundException(id));
    }

    private OrgUnit activeUnit(OrgUnitId id, String field) {
        OrgUnit unit;
        try {
            unit = org.get(id);
        } catch (OrgNotFoundException e) {
            throw new ApiKeyValidationException(field, "org unit " + id + " does not exist");
        }
        if (unit.archived()) {
            throw new ApiKeyValidationException(field, "'" + unit.name() + "' is archived");
        }
        return unit;
    }

    private OrgUnitId project(OrgUnitId projectId, OrgUnit unit) {
        if (projectId == null) {
            return null;
        }
        OrgUnit project = activeUnit(projectId, "projectId");
        if (project.kind() != OrgUnitKind.PROJECT) {
            throw new ApiKeyValidationException(
                    "projectId", "'" + project.name() + "' is a " + project.kind() + ", not a PROJECT");
        }
        boolean atOrUnder = org.pathToRoot(project.id()).stream().anyMatch(u -> u.id().equals(unit.id()));
        if (!atOrUnder) {
            throw new ApiKeyValidationException(
                    "projectId", "project '" + project.name() + "' is not part of '" + unit.name() + "'");
        }
        return project.id();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
