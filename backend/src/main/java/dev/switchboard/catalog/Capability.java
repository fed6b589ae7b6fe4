package dev.switchboard.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a deployment can do; the router only offers a request to deployments that have what it needs. */
public enum Capability {
    /** Function / tool calling. */
    TOOLS,
    /** Image inputs. */
    VISION,
    /** JSON mode and JSON-schema structured output. */
    JSON,
    /** Streamed responses. */
    STREAMING,
    /** An embedding model (not a chat model). */
    EMBEDDINGS;

    @JsonValue
    public String code() {
        return Codes.of(this);
    }

    @JsonCreator
    public static Capability fromCode(String code) {
        return Codes.parse(Capability.class, code, "capabilities", Capability::code);
    }
}
