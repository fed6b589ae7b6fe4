package dev.switchboard.gateway;

import dev.switchboard.gateway.routing.Candidate;
import dev.switchboard.gateway.upstream.UpstreamTarget;
import dev.switchboard.gateway.upstream.Usage;
import dev.switchboard.platform.Money;
import java.time.Instant;
import java.util.List;

/**
 * What the gateway needs to know of the catalog at call time: the deployments it may route to, where
 * and with which credentials to reach one, and what a call cost wholesale at the price in force.
 */
public interface DeploymentDirectory {

    /** Every deployment, enabled or not (the router reports disabled ones as excluded). */
    List<Candidate> candidates();

    /** How to call a deployment: its provider's URL, protocol, decrypted key and upstream model id. */
    UpstreamTarget target(String deploymentId);

    /** The wholesale cost of {@code usage} on the deployment at the price in force at {@code at}. */
    Money wholesaleCost(String deploymentId, Instant at, Usage usage);
}
