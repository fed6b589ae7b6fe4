package dev.switchboard.gateway.web;

import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.GatewayProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a gateway request body as JSON, refusing it with 413 past the configured size. */
@Component
class RequestBodies {

    private final JsonMapper json;
    private final long maxBytes;

    RequestBodies(JsonMapper json, GatewayProperties properties) {
        this.json = json;
        this.maxBytes = properties.maxBodyBytes();
    }

    JsonNode read(HttpServletRequest request) {
        if (request.getContentLengthLong() > maxBytes) {
            throw GatewayException.tooLarge(maxBytes);
        }
        long declared = request.getContentLengthLong();
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            // a declared length is read exactly, in one buffer; otherwise up to one byte past the limit
            body = declared >= 0
                    ? in.readNBytes((int) declared)
                    : in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw GatewayException.invalidRequest(null, "The request body could not be read: " + e.getMessage());
        }
        if (body.length > maxBytes) {
            throw GatewayException.tooLarge(maxBytes); // chunked uploads carry no Content-Length
        }
        if (body.length == 0) {
            throw GatewayException.invalidRequest(null, "The request body is empty; send a JSON object.");
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw GatewayException.invalidRequest(
                    null, "The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
