package dev.switchboard.simulator;

import java.util.Optional;

/**
 * The fault, if any, a call will suffer.
 *
 * @param fault the fault
 * @param cutAfterTokens for {@link Fault#CUT}: how many tokens go out before the connection closes
 */
record FaultPlan(Optional<Fault> fault, int cutAfterTokens) {

    static final int DEFAULT_CUT_AFTER_TOKENS = 3;
    static final FaultPlan NONE = new FaultPlan(Optional.empty(), DEFAULT_CUT_AFTER_TOKENS);

    boolean is(Fault candidate) {
        return fault.filter(candidate::equals).isPresent();
    }

    /** Throws the error status the fault stands for, if it is one. */
    void raiseErrorStatus() {
        if (is(Fault.RATE_LIMITED)) {
            throw new SimulatedFailure(
                    SimulatedFailure.Kind.RATE_LIMITED,
                    "Rate limit reached for requests (simulated). Please try again in 1s.",
                    null);
        }
        if (is(Fault.SERVER_ERROR)) {
            throw new SimulatedFailure(
                    SimulatedFailure.Kind.SERVER_ERROR,
                    "The server had an error while processing your request (simulated).",
                    null);
        }
        if (is(Fault.UNAVAILABLE)) {
            throw new SimulatedFailure(
                    SimulatedFailure.Kind.UNAVAILABLE,
                    "The engine is currently overloaded, please try again later (simulated).",
                    null);
        }
    }
}
