package dev.switchboard.identity;

import dev.switchboard.org.UserRole;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/** Signs a REST request in as platform admin when it carries the master key as a bearer token. */
class MasterKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String PRINCIPAL = "master-key";

    private final MasterKey masterKey;
    private final AuthenticationEntryPoint entryPoint;
    private final SecurityContextHolderStrategy contexts;

    /**
     * @param contexts the strategy the rest of the filter chain reads; it must be the same one, or the
     *     authentication set here is invisible to authorization (the Vaadin UI installs its own strategy
     *     as a bean, and the static {@code SecurityContextHolder} can differ from it)
     */
    MasterKeyAuthenticationFilter(
            MasterKey masterKey, AuthenticationEntryPoint entryPoint, SecurityContextHolderStrategy contexts) {
        this.masterKey = masterKey;
        this.entryPoint = entryPoint;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(7).strip();
        if (!masterKey.matches(token)) {
            contexts.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("the bearer token is not valid"));
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(
                PRINCIPAL, null, List.of(new SimpleGrantedAuthority(UserRole.PLATFORM_ADMIN.authority())));
        var context = contexts.createEmptyContext();
        context.setAuthentication(authentication);
        contexts.setContext(context);
        chain.doFilter(request, response);
    }
}
