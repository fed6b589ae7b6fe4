package dev.switchboard.temporal;

import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory Temporal test server on a real gRPC port, so the starter's client and workers talk
 * to it exactly as they would to a cluster. Nothing survives the process; it has no schedules and no
 * visibility queries (sdk-java #1693, #1139, #1954).
 */
final class EmbeddedTemporalServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedTemporalServer.class);

    private final TestServer.PortBoundTestServer server;
    private final String target;

    private EmbeddedTemporalServer(TestServer.PortBoundTestServer server, int port) {
        this.server = server;
        this.target = "127.0.0.1:" + port;
    }

    /** Starts the server on {@code port}, or on a free port when it is {@code 0}. */
    static EmbeddedTemporalServer start(int requestedPort) {
        // the test server cannot report the port it bound, so 0 is resolved here (a tiny race that
        // only tests, which ask for 0, take)
        int port = requestedPort == 0 ? freePort() : requestedPort;
        try {
            // true: lock time skipping, so timers and timeouts take real time as on a real server
            var server = TestServer.createPortBoundServer(port, true);
            log.info("embedded Temporal server listening on port {} (in-memory: nothing survives a restart)", port);
            return new EmbeddedTemporalServer(server, port);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "the embedded Temporal server could not listen on port " + port
                            + " (in use?): set SWITCHBOARD_TEMPORAL_PORT to a free port, or "
                            + "SWITCHBOARD_TEMPORAL_EMBEDDED=false and SWITCHBOARD_TEMPORAL_TARGET to use a cluster",
                    e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the embedded Temporal server", e);
        }
    }

    /** The address clients connect to. */
    String target() {
        return target;
    }

    @Override
    public void close() {
        server.close();
    }
}
