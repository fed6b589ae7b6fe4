package dev.switchboard.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A connection from one node's port to another node. Ports are typed by the source node's kind: a
 * condition has {@code true} and {@code false}, an approval {@code approved}, {@code rejected} and
 * {@code timeout}, a step with {@code onError: branch} also {@code error}; most nodes just {@code out}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Edge(String from, String port, String to) {

    public Edge {
        port = port == null || port.isBlank() ? Node.OUT : port;
    }
}
