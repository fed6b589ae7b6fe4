package dev.switchboard.gateway;

import dev.switchboard.budget.BudgetExceededException;
import dev.switchboard.platform.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A gateway call that ends in an error the caller sees in the OpenAI error shape: {@code {"error":
 * {"message", "type", "param", "code"}}} with the HTTP status. Messages say what to do about it.
 */
public final class GatewayException extends RuntimeException {

    private final int status;
    private final String type;
    private final String code;
    private final String param;
    private final Duration retryAfter;
    private final BudgetRefusal budget;

    /** The {@link #code} of {@link #costCapExceeded}. */
    public static final String COST_CAP_EXCEEDED = "cost_cap_exceeded";

    private GatewayException(int status, String type, String code, String param, String message, Duration retryAfter) {
        this(status, type, code, param, message, retryAfter, null);
    }

    private GatewayException(
            int status,
            String type,
            String code,
            String param,
            String message,
            Duration retryAfter,
            BudgetRefusal budget) {
        super(message);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
        this.retryAfter = retryAfter;
        this.budget = budget;
    }

    /**
     * The budget that refused a call, for the error body.
     *
     * @param resetsAt {@code null} for a one-off budget
     */
    public record BudgetRefusal(
            String budgetId, String budgetName, Money limit, Money remaining, Money requested, Instant resetsAt) {}

    /** A hard budget cannot take the call's worst-case cost: 402, naming the budget and what is left. */
    public static GatewayException budgetExceeded(BudgetExceededException e) {
        String message = Character.toUpperCase(e.getMessage().charAt(0))
                + e.getMessage().substring(1)
                + ". Lower max_tokens, or ask finance to raise the budget.";
        return new GatewayException(
                402,
                "insufficient_quota",
                "budget_exceeded",
                null,
                message,
                null,
                new BudgetRefusal(
                        e.budgetId().toString(),
                        e.budgetName(),
                        e.limit(),
                        e.remaining(),
                        e.requested(),
                        e.resetsAt()));
    }

    public static GatewayException invalidRequest(String param, String message) {
        return new GatewayException(400, "invalid_request_error", "invalid_request", param, message, null);
    }

    public static GatewayException unauthenticated(String message) {
        return new GatewayException(401, "authentication_error", "invalid_api_key", null, message, null);
    }

    public static GatewayException forbidden(String message) {
        return new GatewayException(403, "permission_error", "forbidden", null, message, null);
    }

    public static GatewayException modelNotFound(String message) {
        return new GatewayException(404, "invalid_request_error", "model_not_found", "model", message, null);
    }

    /** Every deployment of the model could cost more than the caller's cost cap: 400, nothing called. */
    public static GatewayException costCapExceeded(String model, long capMicros, String reasons) {
        return new GatewayException(
                400,
                "invalid_request_error",
                COST_CAP_EXCEEDED,
                null,
                "No deployment of '" + model + "' fits the cost cap of " + capMicros + " micro-units: " + reasons,
                null);
    }

    public static GatewayException methodNotAllowed(String method, String path) {
        return new GatewayException(
                405,
                "invalid_request_error",
                "method_not_allowed",
                null,
                path + " answers POST requests only, not " + method + ".",
                null);
    }

    public static GatewayException tooLarge(long limitBytes) {
        return new GatewayException(
                413,
                "invalid_request_error",
                "request_too_large",
                null,
                "The request body is larger than the limit of " + limitBytes + " bytes.",
                null);
    }

    public static GatewayException rateLimited(String message, Duration retryAfter) {
        return new GatewayException(429, "rate_limit_error", "rate_limit_exceeded", null, message, retryAfter);
    }

    /** Every candidate failed: 502 bad gateway, 503 none available, 504 timed out. */
    public static GatewayException upstream(int status, String code, String message, Duration retryAfter) {
        return new GatewayException(status, "upstream_error", code, null, message, retryAfter);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String code() {
        return code;
    }

    public String param() {
        return param;
    }

    /** Present when a budget refused the call. */
    public Optional<BudgetRefusal> budget() {
        return Optional.ofNullable(budget);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
