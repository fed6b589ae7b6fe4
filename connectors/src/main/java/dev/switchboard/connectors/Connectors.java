package dev.switchboard.connectors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The connectors available to workflows and agents, found by {@link Connector#type()}. Immutable; the
 * application builds one from its connector beans.
 */
public final class Connectors {

    private final Map<String, Connector> byType;
    private final List<Connector> all;

    /** @throws IllegalArgumentException when two connectors share a type, since a step could not say which */
    public Connectors(List<? extends Connector> connectors) {
        Map<String, Connector> map = new LinkedHashMap<>();
        for (Connector connector : connectors) {
            String type = connector.type();
            if (type == null || type.isBlank()) {
                throw new IllegalArgumentException(
                        "connector " + connector.getClass().getName() + " has no type");
            }
            Connector previous = map.putIfAbsent(type, connector);
            if (previous != null) {
                throw new IllegalArgumentException("two connectors of type '" + type + "': "
                        + previous.getClass().getName() + " and "
                        + connector.getClass().getName());
            }
        }
        this.byType = Map.copyOf(map);
        this.all = List.copyOf(map.values());
    }

    public static Connectors of(Connector... connectors) {
        return new Connectors(List.of(connectors));
    }

    public Optional<Connector> find(String type) {
        return Optional.ofNullable(type).map(byType::get);
    }

    /** Every connector, in the order given. */
    public List<Connector> all() {
        return all;
    }
}
