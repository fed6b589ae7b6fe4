package dev.switchboard.ratelimit;

import java.util.Map;
import java.util.UUID;

/**
 * What this node enforces: the configured limits and its place among the live gateway nodes. Immutable;
 * the limiter swaps in a new one on every refresh.
 *
 * @param nodes how many gateway nodes are alive (at least 1: this one)
 * @param nodeIndex this node's position among them, ordered by node id (every node sorts the same way)
 */
record LimitTable(Map<UUID, Limits> keys, Map<UUID, Limits> units, int nodes, int nodeIndex) {

    static final LimitTable EMPTY = new LimitTable(Map.of(), Map.of(), 1, 0);

    LimitTable {
        keys = Map.copyOf(keys);
        units = Map.copyOf(units);
        if (nodes < 1 || nodeIndex < 0 || nodeIndex >= nodes) {
            throw new IllegalArgumentException("node " + nodeIndex + " of " + nodes);
        }
    }

    boolean isEmpty() {
        return keys.isEmpty() && units.isEmpty();
    }

    /**
     * This node's share of a cluster-wide {@code limit}: the limit divided among the live nodes so that
     * the shares add up to exactly the limit (never more). The remainder goes to {@code limit % nodes}
     * nodes, chosen by {@code rotation} so that, rotated per window, every node gets it in turn.
     */
    long share(long limit, long rotation) {
        long base = limit / nodes;
        long remainder = limit % nodes;
        long slot = Math.floorMod(nodeIndex + rotation, (long) nodes);
        return base + (slot < remainder ? 1 : 0);
    }
}
