package dev.switchboard.simulator;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every simulated protocol does around a call: check the provider-style key, read the JSON
 * body, play an injected error or timeout, then let the endpoint answer; any failure is written in
 * the protocol's own error shape with the upstream's status (and {@code Retry-After} on a 429).
 */
abstract sealed class ProtocolSimulator permits OpenAiSimulator, AnthropicSimulator {

    /** An endpoint's work once key, body and fault are settled. */
    @FunctionalInterface
    interface Work {
        void run(JsonNode body, FaultPlan plan) throws IOException;
    }

    protected final JsonMapper json;
    protected final ReplyGenerator generator;
    protected final ResponsePlayer player;
    protected final Clock clock;
    private final FaultInjector faults;
    private final Pacer pacer;
    private final Duration timeoutFault;

    ProtocolSimulator(Collaborators collaborators) {
        this.json = collaborators.json();
        this.generator = collaborators.generator();
        this.player = collaborators.player();
        this.clock = collaborators.clock();
        this.faults = collaborators.faults();
        this.pacer = collaborators.pacer();
        this.timeoutFault = collaborators.properties().timeoutFault();
    }

    /** The shared machinery both protocols use. */
    @Component
    @ConditionalOnSimulator
    record Collaborators(
            JsonMapper json,
            ReplyGenerator generator,
            ResponsePlayer player,
            FaultInjector faults,
            Pacer pacer,
            SimulatorProperties properties,
            Clock clock) {}

    /** {@code GET /v1/models} in the protocol's shape. */
    abstract void models(SimulatedProvider provider, HttpServletRequest request, HttpServletResponse response)
            throws IOException;

    /** The provider's key check; throws an authentication failure. */
    protected abstract void authenticate(HttpServletRequest request);

    protected abstract byte[] errorBody(SimulatedFailure failure, String requestId);

    protected abstract String requestIdHeader();

    protected abstract String notFoundMessage(HttpServletRequest request);

    protected abstract String unreadableBodyMessage();

    final void call(
            SimulatedProvider provider,
            HttpServletRequest request,
            byte[] body,
            HttpServletResponse response,
            Work work)
            throws IOException {
        stampRequestId(response);
        try {
            authenticate(request);
            JsonNode root = parse(body);
            FaultPlan plan = faults.plan(provider, request, body);
            plan.raiseErrorStatus();
            if (plan.is(Fault.TIMEOUT)) {
                pacer.hang(timeoutFault);
                throw new SimulatedFailure(SimulatedFailure.Kind.TIMEOUT, "Request timed out (simulated).", null);
            }
            work.run(root, plan);
        } catch (SimulatedFailure failure) {
            fail(response, failure);
        }
    }

    /** A read-only call: the key check, then the answer. */
    final void read(HttpServletRequest request, HttpServletResponse response, byte[] answer) throws IOException {
        stampRequestId(response);
        try {
            authenticate(request);
            player.json(response, 200, answer);
        } catch (SimulatedFailure failure) {
            fail(response, failure);
        }
    }

    /** 404 for a path the protocol does not serve, as the upstream answers a wrong URL. */
    final void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        stampRequestId(response);
        fail(response, new SimulatedFailure(SimulatedFailure.Kind.NOT_FOUND, notFoundMessage(request), null));
    }

    final void fail(HttpServletResponse response, SimulatedFailure failure) throws IOException {
        if (failure.kind() == SimulatedFailure.Kind.RATE_LIMITED) {
            response.setHeader("Retry-After", "1");
        }
        player.json(response, failure.status(), errorBody(failure, response.getHeader(requestIdHeader())));
    }

    protected static String id(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    private void stampRequestId(HttpServletResponse response) {
        response.setHeader(requestIdHeader(), id("req_"));
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw SimulatedFailure.invalid(unreadableBodyMessage());
        }
        try {
            JsonNode root = json.readTree(body);
            if (root == null || !root.isObject()) {
                throw SimulatedFailure.invalid(unreadableBodyMessage());
            }
            return root;
        } catch (JacksonException e) {
            throw SimulatedFailure.invalid(unreadableBodyMessage());
        }
    }
}
