package dev.switchboard.catalog;

import java.time.Clock;
import java.time.Duration;
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
 * until the next one starts; new prices start no sooner than the price notice ({@link
 * CatalogProperties#priceNotice()}) after they are saved, never earlier, and stored prices are never
 * changed, so a call is always priced at what was in force when it was made, also by a gateway node
 * that prices calls from a snapshot of the history. Platform admins and
 * finance add prices; everyone signed in may read them.
 */
@Service
public class PriceList {

    static final String SEED_AUTHOR = "catalog-seed";

    private final PriceRepository prices;
    private final DeploymentRepository deployments;
    private final Clock clock;
    private final Duration notice;

    PriceList(PriceRepository prices, DeploymentRepository deployments, CatalogProperties properties, Clock clock) {
        this.prices = prices;
        this.deployments = deployments;
        this.clock = clock;
        this.notice = properties.priceNotice();
    }

    /**
     * How long after it is saved a new price can take effect at the earliest: a snapshot of the
     * history loaded at {@code t} holds every price in force at any instant before {@code t + notice}.
     */
    public Duration notice() {
        return notice;
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

    /** The whole history of every deployment, oldest first, future prices included. */
    @Transactional(readOnly = true)
    public Map<DeploymentId, List<Price>> allHistories() {
        return prices.allHistories();
    }

    /** The price in force at {@code at} of every deployment that has one. */
    @Transactional(readOnly = true)
    public Map<DeploymentId, Price> pricesAt(Instant at) {
        return prices.findAllAt(at);
    }

    /**
     * Appends a price; it applies to calls from its {@code effectiveFrom} on: by default the earliest
     * allowed, the price notice from now.
     */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'FINANCE')")
    @Transactional
    public Price add(DeploymentId id, NewPrice command) {
        requireDeployment(id);
        Instant now = now();
        Instant earliest = now.plus(notice);
        Instant effective = command.effectiveFrom() == null
                ? earliest
                : command.effectiveFrom().truncatedTo(ChronoUnit.MICROS);
        if (effective.isBefore(earliest)) {
            throw new CatalogValidationException(
                    "effectiveFrom",
                    "must be " + (notice.isZero() ? "now" : notice.toSeconds() + " s from now") + " or later ("
                            + earliest + "): calls already made keep their price, and every gateway node must"
                            + " know a price before it applies");
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
