package dev.switchboard.connectors;

import dev.switchboard.connectors.http.HttpConnector;
import dev.switchboard.connectors.http.HttpConnectorSettings;
import dev.switchboard.connectors.http.HttpEgressPolicy;
import java.time.Clock;
import java.util.List;

/**
 * The connectors Switchboard ships, configured in one place: today the generic HTTP connector. The
 * application builds them here, so it needs none of the implementations' own types.
 */
public final class StandardConnectors {

    private StandardConnectors() {}

    /**
     * @param allow hosts, {@code *.} wildcards, addresses or CIDRs the HTTP connector may reach although
     *     they are internal (loopback, private, link-local)
     * @param deny destinations it may never reach, even public ones; the deny list wins
     * @param secrets credentials by the name workflows give them
     * @throws IllegalArgumentException for a list entry that is none of those
     */
    public static List<Connector> create(List<String> allow, List<String> deny, SecretResolver secrets, Clock clock) {
        HttpEgressPolicy policy = HttpEgressPolicy.of(true, allow, deny);
        return List.of(new HttpConnector(policy, secrets, HttpConnectorSettings.DEFAULTS, clock));
    }

    /** Closes the connectors that hold resources (the HTTP connector's client). */
    public static void close(List<Connector> connectors) {
        for (Connector c : connectors) {
            if (c instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // closing at shutdown: nothing left to tell
                }
            }
        }
    }
}
