/**
 * The router's plan ({@link dev.switchboard.gateway.routing.RoutePlan}, returned by {@code
 * GatewayService.explain}), exposed to other features as the {@code routing} named interface so that
 * they can show what a call would do and cost before making it (the prompt playground's estimates).
 */
@org.springframework.modulith.NamedInterface("routing")
package dev.switchboard.gateway.routing;
