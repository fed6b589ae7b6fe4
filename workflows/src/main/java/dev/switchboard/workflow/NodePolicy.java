package dev.switchboard.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * How a step runs: how long one attempt may take, how often and how patiently it is retried, what
 * happens when it still fails, and the most it may cost.
 *
 * @param timeout one attempt's limit
 * @param retry attempts and backoff; failures the step cannot fix (bad input, a refused request) are
 *     not retried
 * @param onError what a failure that outlived its retries does
 * @param defaultValue the output used for {@link OnError#DEFAULT}
 * @param costCapMicros the most the step may be charged, in micro-units of the budget's currency;
 *     {@code null} for no cap
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NodePolicy(
        Duration timeout,
        Retry retry,
        OnError onError,
        @JsonProperty("default") JsonNode defaultValue,
        Long costCapMicros) {

    public static final NodePolicy DEFAULT = new NodePolicy(null, null, null, null, null);

    public NodePolicy {
        timeout = timeout == null ? Duration.ofMinutes(2) : timeout;
        retry = retry == null ? Retry.DEFAULT : retry;
        onError = onError == null ? OnError.FAIL : onError;
    }

    /**
     * @param maxAttempts attempts in all, the first included
     * @param initialInterval the wait before the second attempt
     * @param backoffCoefficient how much each wait grows
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Retry(
            Integer maxAttempts, Duration initialInterval, Double backoffCoefficient, Duration maxInterval) {
        public static final Retry DEFAULT = new Retry(null, null, null, null);

        public Retry {
            maxAttempts = maxAttempts == null ? 3 : maxAttempts;
            initialInterval = initialInterval == null ? Duration.ofSeconds(1) : initialInterval;
            backoffCoefficient = backoffCoefficient == null ? 2.0 : backoffCoefficient;
            maxInterval = maxInterval == null ? Duration.ofMinutes(1) : maxInterval;
        }
    }

    /** What a step's final failure does to the run. */
    public enum OnError {
        /** The run fails (it can be retried from this step). */
        @JsonProperty("fail")
        FAIL,
        /** The run goes on by the step's normal port with an empty output and the error recorded. */
        @JsonProperty("continue")
        CONTINUE,
        /** The run goes on by the step's {@code error} port. */
        @JsonProperty("branch")
        BRANCH,
        /** The run goes on with the policy's {@code default} value as the output. */
        @JsonProperty("default")
        DEFAULT
    }
}
