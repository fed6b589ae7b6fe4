package dev.switchboard.gateway.web;

import dev.switchboard.gateway.ChargeContext;
import dev.switchboard.gateway.GatewayException;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every gateway endpoint does around its own work: authenticate the key, read the body within the
 * size limit, read the latency ceiling, and turn failures into the error shape of the endpoint's
 * protocol (unless a stream has begun, in which case its sink reported the failure in-band).
 */
@Component
class GatewayEndpoint {

    /** The endpoint's own work on an authenticated, parsed request. */
    @FunctionalInterface
    interface Work {
        void run(ChargeContext charge, JsonNode body, Long latencyCeilingMillis) throws IOException;
    }

    private static final Logger log = LoggerFactory.getLogger(GatewayEndpoint.class);

    private final GatewayCallers callers;
    private final RequestBodies bodies;
    private final JsonMapper json;
    private final GatewayMetrics metrics;

    GatewayEndpoint(GatewayCallers callers, RequestBodies bodies, JsonMapper json, GatewayMetrics metrics) {
        this.callers = callers;
        this.bodies = bodies;
        this.json = json;
        this.metrics = metrics;
    }

    /** Serves a call to {@code handler}'s endpoint, failures in its error shape, and times it. */
    void serve(GatewayHandler handler, HttpServletRequest request, HttpServletResponse response, Work work)
            throws IOException {
        Timer.Sample sample = metrics.start();
        try {
            serve(request, response, handler::errorBody, work);
        } finally {
            metrics.record(sample, handler.path(), response.getStatus());
        }
    }

    private void serve(
            HttpServletRequest request,
            HttpServletResponse response,
            Function<GatewayException, JsonNode> errorBody,
            Work work)
            throws IOException {
        try {
            ChargeContext charge = callers.authenticate(request);
            work.run(charge, bodies.read(request), OpenAiController.latencyCeiling(request));
        } catch (GatewayException e) {
            fail(response, errorBody, e);
        } catch (RuntimeException e) {
            log.error("unexpected gateway failure", e);
            fail(
                    response,
                    errorBody,
                    GatewayException.upstream(
                            500, "internal_error", "Internal error in the gateway; it has been logged.", null));
        }
    }

    /** Answers with {@code e} in the endpoint's error shape, before any work. */
    void refuse(HttpServletResponse response, Function<GatewayException, JsonNode> errorBody, GatewayException e)
            throws IOException {
        fail(response, errorBody, e);
    }

    private void fail(HttpServletResponse response, Function<GatewayException, JsonNode> errorBody, GatewayException e)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        GatewayResponses.retryAfter(response, e);
        GatewayResponses.json(json, response, e.status(), errorBody.apply(e));
    }
}
