package dev.switchboard.ledger;

import java.time.Instant;

/**
 * A model's price to append to a plan, in micro-units of the plan's currency per million tokens.
 *
 * @param effectiveFrom when it starts to apply; {@code null} for now. Never in the past: calls already
 *     made keep the price they were charged.
 */
public record NewPlanPrice(
        String model,
        long inputMicrosPerMTok,
        long cachedInputMicrosPerMTok,
        long outputMicrosPerMTok,
        Instant effectiveFrom) {}
