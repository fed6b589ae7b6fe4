package dev.switchboard.budget;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Budget settings ({@code switchboard.budget.*}).
 *
 * @param timeZone the zone whose calendar periods follow (months begin at its midnight)
 * @param reservationTtl how long a hold lives unsettled before the sweeper releases it; longer than
 *     the longest call the gateway lets run, or a call outliving its hold is charged after others may
 *     have used the released room
 * @param sweepInterval how often expired holds are swept
 * @param defaultThresholds alert percentages of budgets created without any (default 50, 80, 100)
 * @param batching how reservations and settlements are grouped into transactions
 */
@Validated
@ConfigurationProperties("switchboard.budget")
public record BudgetProperties(
        @NotNull @DefaultValue("UTC") ZoneId timeZone,
        @NotNull @DefaultValue("10m") Duration reservationTtl,
        @NotNull @DefaultValue("30s") Duration sweepInterval,
        List<Integer> defaultThresholds,
        @Valid @NotNull @DefaultValue Batching batching) {

    static final List<Integer> DEFAULT_THRESHOLDS = List.of(50, 80, 100);

    public BudgetProperties {
        defaultThresholds = defaultThresholds == null || defaultThresholds.isEmpty()
                ? DEFAULT_THRESHOLDS
                : BudgetRules.thresholds(defaultThresholds);
    }

    /** The defaults, for code that builds an engine outside Spring (tests, benchmarks). */
    public static BudgetProperties defaults() {
        return new BudgetProperties(
                ZoneId.of("UTC"), Duration.ofMinutes(10), Duration.ofSeconds(30), null, Batching.defaults());
    }

    /**
     * @param enabled group concurrent requests into one transaction per batch; off, every reservation
     *     and settlement is its own transaction on the caller's thread (the baseline of the benchmark)
     * @param maxSize the most requests one transaction decides
     * @param flushers batches that may run at once, per kind (reserve, settle); callers run them on
     *     their own threads
     * @param timeout how long a caller waits for its batch before giving up (a hold granted after that
     *     expires and is swept)
     * @param queueCapacity requests waiting beyond this are refused at once rather than queued
     */
    public record Batching(
            @DefaultValue("true") boolean enabled,
            @Min(1) @Max(2000) @DefaultValue("256") int maxSize,
            @Min(1) @Max(16) @DefaultValue("1") int flushers,
            @NotNull @DefaultValue("30s") Duration timeout,
            @Min(1) @DefaultValue("100000") int queueCapacity) {

        public static Batching defaults() {
            return new Batching(true, 256, 1, Duration.ofSeconds(30), 100_000);
        }
    }
}
