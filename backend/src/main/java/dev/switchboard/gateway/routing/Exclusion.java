package dev.switchboard.gateway.routing;

/** A deployment the router did not choose, and why, in words a developer can act on. */
public record Exclusion(String deploymentId, String providerId, Reason reason, String detail) {

    /** The closed set of reasons a candidate is left out. */
    public enum Reason {
        DISABLED,
        MISSING_CAPABILITY,
        CONTEXT_WINDOW,
        MAX_OUTPUT,
        POLICY_PROVIDER,
        POLICY_REGION,
        POLICY_JURISDICTION,
        BALANCE_EXHAUSTED,
        UNHEALTHY,
        TOO_SLOW,
        /** Its worst-case cost is over the caller's cost cap (a workflow step's). */
        COST_CAP
    }
}
