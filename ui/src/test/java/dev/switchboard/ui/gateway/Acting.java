package dev.switchboard.ui.gateway;

import dev.switchboard.org.UserRole;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;

/** Test set-up steps that need a platform admin, taken in the middle of another person's session. */
final class Acting {

    private Acting() {}

    static <T> T asAdmin(Supplier<T> step) {
        SecurityContext session = SecurityContextHolder.getContext();
        var admin = UsernamePasswordAuthenticationToken.authenticated(
                "test-setup", null, List.of(new SimpleGrantedAuthority(UserRole.PLATFORM_ADMIN.authority())));
        SecurityContextHolder.setContext(new SecurityContextImpl(admin));
        try {
            return step.get();
        } finally {
            SecurityContextHolder.setContext(session);
        }
    }

    static void asAdmin(Runnable step) {
        asAdmin(() -> {
            step.run();
            return null;
        });
    }
}
