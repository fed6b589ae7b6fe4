package dev.switchboard.gateway.web;

import dev.switchboard.gateway.GatewayException;
import dev.switchboard.platform.ConditionalOnNodeRole;
import dev.switchboard.platform.NodeRole;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The model-call endpoints, mapped to their exact paths in a servlet of their own instead of going
 * through Spring MVC's dispatcher: the handlers take the raw request and response anyway, and handler
 * lookup, argument resolution and the dispatcher's bookkeeping cost a fifteenth of the gateway's CPU per
 * call in the gateway benchmark. The servlet filters (security, the master key) still apply.
 */
final class GatewayServlet extends HttpServlet {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnNodeRole(NodeRole.API)
    static class Registration {

        @Bean
        ServletRegistrationBean<GatewayServlet> gatewayServlet(
                List<GatewayHandler> handlers, GatewayEndpoint endpoint) {
            ServletRegistrationBean<GatewayServlet> registration = new ServletRegistrationBean<>(
                    new GatewayServlet(handlers, endpoint),
                    handlers.stream().map(GatewayHandler::path).toArray(String[]::new));
            registration.setName("gateway");
            registration.setLoadOnStartup(1);
            return registration;
        }
    }

    private final transient Map<String, GatewayHandler> handlers;
    private final transient GatewayEndpoint endpoint;

    GatewayServlet(List<GatewayHandler> handlers, GatewayEndpoint endpoint) {
        this.handlers =
                handlers.stream().collect(Collectors.toUnmodifiableMap(GatewayHandler::path, Function.identity()));
        this.endpoint = endpoint;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        GatewayHandler handler = handlers.get(request.getServletPath());
        if (handler == null) { // not mapped here: the registration lists exactly the handlers' paths
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            endpoint.refuse(
                    response,
                    handler::errorBody,
                    GatewayException.methodNotAllowed(request.getMethod(), handler.path()));
            return;
        }
        handler.handle(request, response);
    }
}
