package dev.switchboard.ledger;

import java.time.Instant;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A retail price list in one currency: explicit prices per model, an alternative to a markup for the
 * org units it is assigned to (and the units below them). Its prices are versioned and append-only.
 *
 * @param prices every version of every model, oldest first per model, future ones included
 * @param archivedAt {@code null} while the plan may be used
 */
public record PricePlan(
        PricePlanId id,
        String name,
        String description,
        Currency currency,
        Instant createdAt,
        String createdBy,
        Instant archivedAt,
        List<PlanPrice> prices) {

    public PricePlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(createdAt, "createdAt");
        description = description == null ? "" : description;
        prices = prices.stream()
                .sorted(Comparator.comparing(PlanPrice::model).thenComparing(PlanPrice::effectiveFrom))
                .toList();
    }

    public boolean archived() {
        return archivedAt != null;
    }

    /** The model's price in force at {@code at}; empty when the plan did not list it then. */
    public Optional<PlanPrice> priceAt(String model, Instant at) {
        PlanPrice inForce = null;
        for (PlanPrice price : prices) {
            if (price.model().equals(model) && !price.effectiveFrom().isAfter(at)) {
                inForce = price; // sorted by effectiveFrom: the last one that started wins
            }
        }
        return inForce == null || inForce.withdrawn() ? Optional.empty() : Optional.of(inForce);
    }

    /** Every model the plan lists at {@code at}, with the price in force then. */
    public List<PlanPrice> pricesAt(Instant at) {
        return prices.stream()
                .map(PlanPrice::model)
                .distinct()
                .flatMap(model -> priceAt(model, at).stream())
                .toList();
    }
}
