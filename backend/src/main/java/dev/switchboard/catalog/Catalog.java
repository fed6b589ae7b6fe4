package dev.switchboard.catalog;

import dev.switchboard.platform.crypto.SecretBox;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The providers and the deployments they serve. Everyone signed in may read them; only platform
 * admins change them. Nothing is deleted (the ledger keeps referring to both): providers and
 * deployments are disabled instead. Prices live in {@link PriceList}.
 *
 * <p>Provider API keys are sealed with {@link SecretBox} before they are stored and are never part of
 * a {@link Provider}; the one way out is {@link #upstreamApiKey}, for the adapter making the call.
 */
@Service
public class Catalog {

    private final ProviderRepository providers;
    private final DeploymentRepository deployments;
    private final SecretBox secrets;
    private final SelfUrl selfUrl;
    private final Clock clock;

    Catalog(
            ProviderRepository providers,
            DeploymentRepository deployments,
            SecretBox secrets,
            SelfUrl selfUrl,
            Clock clock) {
        this.providers = providers;
        this.deployments = deployments;
        this.secrets = secrets;
        this.selfUrl = selfUrl;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Provider> providers() {
        return providers.findAll().stream().map(this::toProvider).toList();
    }

    @Transactional(readOnly = true)
    public Provider provider(ProviderId id) {
        return toProvider(row(id));
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public Provider createProvider(NewProvider command) {
        if (!insertProvider(command)) {
            throw new CatalogConflictException("a provider with id '" + command.id() + "' already exists");
        }
        return provider(command.id());
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public Provider updateProvider(ProviderId id, ProviderSettings settings) {
        row(id);
        providers.updateSettings(id, settings, now());
        return provider(id);
    }

    /** Sets (or replaces) the upstream API key; it is stored sealed and never shown again. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public Provider setApiKey(ProviderId id, String apiKey) {
        row(id);
        String key = ApiKeyRules.normalise(apiKey);
        if (key == null) {
            throw new CatalogValidationException("apiKey", "must be given; to remove the key, clear it");
        }
        providers.updateApiKey(id, seal(id, key), now());
        return provider(id);
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public Provider clearApiKey(ProviderId id) {
        row(id);
        providers.updateApiKey(id, null, now());
        return provider(id);
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public Provider setEnabled(ProviderId id, boolean enabled) {
        row(id);
        providers.updateEnabled(id, enabled, now());
        return provider(id);
    }

    /**
     * The decrypted upstream API key, for the adapter calling the provider; empty when none is set.
     * Never log or return it.
     */
    @Transactional(readOnly = true)
    public Optional<String> upstreamApiKey(ProviderId id) {
        return Optional.ofNullable(row(id).apiKeySealed()).map(stored -> secrets.open(stored, purpose(id)));
    }

    @Transactional(readOnly = true)
    public List<Deployment> deployments() {
        return deployments.findAll();
    }

    /** Every deployment (of every provider, enabled or not) of a public model name. */
    @Transactional(readOnly = true)
    public List<Deployment> deploymentsNamed(String modelName) {
        return deployments.findByModelName(modelName);
    }

    @Transactional(readOnly = true)
    public Deployment deployment(DeploymentId id) {
        return deployments
                .findById(id)
                .orElseThrow(() -> new CatalogNotFoundException("deployment " + id + " does not exist"));
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public Deployment createDeployment(NewDeployment command) {
        if (providers.findById(command.providerId()).isEmpty()) {
            throw new CatalogValidationException(
                    "providerId", "provider '" + command.providerId() + "' does not exist");
        }
        Deployment deployment = newDeployment(command);
        if (!deployments.insertIfAbsent(deployment)) {
            throw new CatalogConflictException("provider '" + command.providerId() + "' already serves '"
                    + command.modelName() + "'; update that deployment instead");
        }
        return deployment;
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public Deployment updateDeployment(DeploymentId id, DeploymentSettings settings) {
        deployment(id);
        deployments.update(id, settings, now());
        return deployment(id);
    }

    /** For the start-up seed (no signed-in user): adds the provider unless its id exists. */
    @Transactional
    boolean insertProvider(NewProvider command) {
        Instant now = now();
        String sealedKey = command.apiKey() == null ? null : seal(command.id(), command.apiKey());
        return providers.insertIfAbsent(new ProviderRepository.Row(
                command.id(), command.settings(), sealedKey, command.enabled(), command.simulated(), now, now));
    }

    /** For the start-up seed: the deployment of that name at that provider, added if absent. */
    @Transactional
    DeploymentId ensureDeployment(NewDeployment command) {
        deployments.insertIfAbsent(newDeployment(command));
        return deployments
                .findByProviderAndName(command.providerId(), command.modelName())
                .orElseThrow()
                .id();
    }

    private Deployment newDeployment(NewDeployment command) {
        Instant now = now();
        DeploymentSettings s = command.settings();
        return new Deployment(
                new DeploymentId(UUID.randomUUID()),
                command.providerId(),
                command.modelName(),
                s.upstreamModelId(),
                s.tier(),
                s.capabilities(),
                s.contextWindowTokens(),
                s.maxOutputTokens(),
                s.weight(),
                s.enabled(),
                now,
                now);
    }

    private ProviderRepository.Row row(ProviderId id) {
        return providers
                .findById(id)
                .orElseThrow(() -> new CatalogNotFoundException("provider '" + id + "' does not exist"));
    }

    private Provider toProvider(ProviderRepository.Row row) {
        ProviderSettings s = row.settings();
        return new Provider(
                row.id(),
                s.displayName(),
                s.protocol(),
                s.quirks(),
                selfUrl.resolve(s.baseUrl()),
                s.region(),
                s.jurisdiction(),
                row.enabled(),
                row.simulated(),
                row.apiKeySealed() != null,
                row.createdAt(),
                row.updatedAt());
    }

    private String seal(ProviderId id, String apiKey) {
        return secrets.seal(apiKey, purpose(id));
    }

    /** Binds a sealed key to its provider: copying it into another provider's row makes it unreadable. */
    private static String purpose(ProviderId id) {
        return "provider-api-key:" + id.value();
    }

    private Instant now() {
        // PostgreSQL keeps microseconds; keep the in-memory value equal to what a re-read returns
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
