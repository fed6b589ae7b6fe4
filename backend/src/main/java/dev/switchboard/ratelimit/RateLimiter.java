package dev.switchboard.ratelimit;

import dev.switchboard.org.OrgUnitId;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Rate limits of the gateway, per API key and per org unit: requests per minute, tokens per minute and
 * concurrent requests. An org unit's limit is shared by every call charged to it or to a unit below it.
 *
 * <h2>Per call</h2>
 * {@link #acquire} checks the key's limits and those of every unit on the path to the company against
 * counters in memory (compare-and-set on per-subject atomics: no lock, no database); the returned
 * {@link Permit} must be {@linkplain Permit#complete completed} when the call ends. Minutes are calendar
 * minutes of the injected {@link Clock}; a refusal says which limit, its value and how long until the
 * minute ends ({@code Retry-After}, 1-60 s) or, for concurrency, 1 s.
 *
 * <h2>Many nodes: static shares</h2>
 * Every node heartbeats into {@code gateway_node} every {@code switchboard.rate-limits.refresh-interval}
 * (1 s) and reads back the live nodes (heartbeat within {@code node-ttl}, 5 s). Sorted by node id, the
 * live nodes divide every limit among themselves: node {@code i} of {@code n} enforces {@code limit / n},
 * plus one if it is among the {@code limit % n} nodes that get the remainder (rotated every minute for
 * request and token limits). The shares add up to exactly the limit, so N nodes never admit more than
 * the limit in a minute, and no call waits for the database. The price: a node cannot borrow the unused
 * share of another, so with an uneven load balancer the cluster admits less than the limit, and a limit
 * smaller than the number of nodes leaves some nodes with a share of 0. We chose this over leasing quota
 * chunks from the database because it needs no round trip at all on the hot path, and a load balancer
 * spreads gateway traffic evenly in practice.
 *
 * <p>Membership changes are seen within one refresh: while a joining node is not yet seen by the others
 * (at most a refresh interval), the cluster can admit up to one node's share too much; a node that
 * crashes leaves its share unused until its heartbeat is older than {@code node-ttl}; a node that stops
 * in order removes itself after the web server has finished its requests. Counters are per node and
 * restart at zero with the node. Limit changes reach this node at once when made here, others within a
 * refresh interval. Heartbeats are compared with each node's own clock: clocks must agree to well within
 * {@code node-ttl} (NTP does that).
 */
@Service
public class RateLimiter {

    private final RateLimitRepository limits;
    private final GatewayNodes nodes;
    private final RateLimitProperties properties;
    private final Clock clock;
    private final Enforcer enforcer;
    private final UUID nodeId = UUID.randomUUID();
    private final String host = host();
    private final Instant startedAt;
    private volatile LimitTable table = LimitTable.EMPTY;

    RateLimiter(RateLimitRepository limits, GatewayNodes nodes, RateLimitProperties properties, Clock clock) {
        this.limits = limits;
        this.nodes = nodes;
        this.properties = properties;
        this.clock = clock;
        this.enforcer = new Enforcer(clock);
        this.startedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Admits a call or refuses it. Needs no signed-in user and no database.
     *
     * @param apiKeyIdOrNull the consumer key the call came with; {@code null} for the master key and
     *     internal callers (then only org unit limits apply)
     * @param pathToRoot the org unit the call is charged to followed by its ancestors up to the company
     * @param estimatedTokens the prompt's estimated tokens plus the maximum output tokens
     * @throws RateLimitedException if a limit of the key or of any unit on the path is reached; nothing
     *     is taken from any limit then
     */
    public Permit acquire(UUID apiKeyIdOrNull, List<OrgUnitId> pathToRoot, long estimatedTokens) {
        return enforcer.acquire(table, apiKeyIdOrNull, pathToRoot, estimatedTokens);
    }

    /** Heartbeats, then re-reads the live nodes and the limits: called every refresh interval. */
    synchronized void sync() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        nodes.heartbeat(nodeId, host, startedAt, now);
        List<UUID> live = new ArrayList<>(nodes.live(now, properties.nodeTtl()).stream()
                .map(GatewayNodes.Node::id)
                .toList());
        if (!live.contains(nodeId)) {
            // our own heartbeat is always current for us, whatever the database's view
            live.add(nodeId);
            live.sort(null);
        }
        Map<UUID, Limits> keys = new HashMap<>();
        Map<UUID, Limits> units = new HashMap<>();
        for (RateLimitRepository.Row row : limits.findAll()) {
            (row.subject().kind() == RateLimitSubject.Kind.API_KEY ? keys : units)
                    .put(row.subject().id(), row.limits());
        }
        LimitTable next = new LimitTable(keys, units, live.size(), live.indexOf(nodeId));
        table = next;
        enforcer.retain(next);
    }

    /** Removes this node from the live nodes (orderly shutdown), so the others take over its share. */
    synchronized void leave() {
        nodes.remove(nodeId);
        nodes.removeSilentSince(clock.instant().minus(Duration.ofDays(1)));
    }

    UUID nodeId() {
        return nodeId;
    }

    LimitTable table() {
        return table;
    }

    long inFlight(RateLimitSubject subject) {
        return enforcer.inFlight(subject);
    }

    private static String host() {
        String name;
        try {
            name = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            name = "unknown-host";
        }
        return name + ":" + ProcessHandle.current().pid();
    }
}
