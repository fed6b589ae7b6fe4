package dev.switchboard.ratelimit;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code gateway_node}: which gateway nodes are alive, by their heartbeats. */
@Repository
class GatewayNodes {

    /** A node as it last reported itself. */
    record Node(UUID id, String host, Instant startedAt, Instant heartbeatAt) {}

    private final JdbcClient jdbc;

    GatewayNodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void heartbeat(UUID id, String host, Instant startedAt, Instant now) {
        jdbc.sql("""
                        INSERT INTO gateway_node (node_id, host, started_at, heartbeat_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (node_id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at""")
                .param(id)
                .param(host)
                .param(Timestamp.from(startedAt))
                .param(Timestamp.from(now))
                .update();
    }

    /** Nodes whose heartbeat lies within {@code ttl} of {@code now} (either side), ordered by id. */
    List<Node> live(Instant now, Duration ttl) {
        return jdbc.sql("""
                        SELECT node_id, host, started_at, heartbeat_at FROM gateway_node
                        WHERE heartbeat_at > ? AND heartbeat_at < ? ORDER BY node_id""")
                .param(Timestamp.from(now.minus(ttl)))
                .param(Timestamp.from(now.plus(ttl)))
                .query((rs, n) -> new Node(
                        rs.getObject("node_id", UUID.class),
                        rs.getString("host"),
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("heartbeat_at").toInstant()))
                .list();
    }

    void remove(UUID id) {
        jdbc.sql("DELETE FROM gateway_node WHERE node_id = ?").param(id).update();
    }

    /**
     * Forgets nodes that died (without leaving) before {@code cutoff}, and by the database's clock too,
     * so that one node's clock running ahead cannot remove live others.
     */
    int removeSilentSince(Instant cutoff) {
        return jdbc.sql("DELETE FROM gateway_node WHERE heartbeat_at < least(?, now() - interval '1 day')")
                .param(Timestamp.from(cutoff))
                .update();
    }
}
