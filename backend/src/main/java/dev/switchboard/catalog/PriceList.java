package dev.switchboard.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Wholesale prices of deployments, with their history. A price applies from its {@code effectiveFrom}
 * until the next one starts; new prices start now or later, never earlier, and stored prices are never
 * changed, so a call is always priced at what was in force when it was made. Platform admins and
 * finance add prices; everyone signed in may read them.
 */
@Service
public class PriceList {

    static final String SEED_AUTHOR = "catalog-seed";

    private final PriceRepository prices;
    private final DeploymentRepository deployments;
    private final Clock clock;

    PriceList(PriceRepository prices, DeploymentRepository deployments, Clock clock) {
        this.prices = prices;
        this.deployments = deployments;
        this.clock = clock;
    }

    /**
     * The price in force for calls made at {@code at}.
     *
     * @throws CatalogNotFoundException if the deployment does not exist or had no price yet at {@code at}
     */
    // No transaction: one indexed SELECT, run for every gateway call; a read-only transaction around it
    // would only add a round trip (COMMIT) and a second pool checkout.
    public Price priceAt(DeploymentId id, Instant at) {
        return prices.findAt(id, at).orElseThrow(() -> {
            requireDeployment(id);
            return new CatalogNotFoundException("deployment " + id + " has no price in force at " + at);
        });
    }

    /** The price in force for calls made at {@code at}, if there is one (and the deployment exists). */
    public Optional<Price> findPriceAt(DeploymentId id, Instant at) {
        return prices.findAt(id, at);
    }

    /** Every price of the deployment, oldest first, including ones that start in the future. */
    @Transactional(readOnly = true)
    public List<Price> history(DeploymentId id) {
        requireDeployment(id);
        return prices.history(id);
    }

    /** The price in force at {@code at} of every deployment that has one. */
    @Transactional(readOnly = true)
    public Map<DeploymentId, Price> pricesAt(Instant at) {
        return prices.findAllAt(at);
    }

    /** Appends a price; it applies to calls from its {@code effectiveFrom} (default: now) on. */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'FINANCE')")
    @Transactional
    public Price add(DeploymentId id, NewPrice command) {
        requireDeployment(id);
        Instant now = now();
        Instant effective =
                command.effectiveFrom() == null ? now : command.effectiveFrom().truncatedTo(ChronoUnit.MICROS);
        if (effective.isBefore(now)) {
            throw new CatalogValidationException(
                    "effectiveFrom", "must be now or later (" + now + "): calls already made keep their price");
        }
        Price price = command.at(effective);
        if (!prices.insertIfAbsent(id, price, now, author())) {
            throw new CatalogConflictException("deployment " + id + " already has a price starting at " + effective);
        }
        return price;
    }

    /** For the start-up seed: appends the price unless one starts at the same instant. */
    @Transactional
    boolean seed(DeploymentId id, Price price) {
        return prices.insertIfAbsent(id, price, now(), SEED_AUTHOR);
    }

    private void requireDeployment(DeploymentId id) {
        if (deployments.findById(id).isEmpty()) {
            throw new CatalogNotFoundException("deployment " + id + " does not exist");
        }
    }

    private static String author() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
