package dev.switchboard.gateway.langchain4j;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.switchboard.gateway.GatewayException;

/**
 * The gateway's errors as LangChain4j's exception types, so code built on LangChain4j (AI services,
 * retry helpers) tells retriable failures from its own mistakes. The gateway's message, written for the
 * developer, is kept; the {@link GatewayException} is the cause.
 */
final class GatewayErrors {

    private GatewayErrors() {}

    static LangChain4jException toLangChain4j(GatewayException e) {
        String message = e.getMessage();
        return switch (e.status()) {
            case 400, 403, 413 -> new InvalidRequestException(message, e);
            case 401 -> new AuthenticationException(message, e);
            case 404 -> new ModelNotFoundException(message, e);
            case 429 -> new RateLimitException(message, e);
            case 504 -> new TimeoutException(message, e);
            default ->
                e.status() >= 500 ? new InternalServerException(message, e) : new LangChain4jException(message, e);
        };
    }
}
