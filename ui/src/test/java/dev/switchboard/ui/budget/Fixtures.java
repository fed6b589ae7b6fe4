package dev.switchboard.ui.budget;

import dev.switchboard.ledger.CallStatus;
import dev.switchboard.ledger.UsageEntry;
import dev.switchboard.ledger.UsageSource;
import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.OrgUnitKind;
import dev.switchboard.org.UserRole;
import dev.switchboard.platform.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;

/** Set-up steps of the budget view tests: a fresh unit per test, ledger rows, admin-only steps. */
final class Fixtures {

    private Fixtures() {}

    /** A new department below the company, so a test sees only what it made. */
    static OrgUnit department(OrgService org, String name) {
        return asAdmin(() -> org.create(OrgUnitKind.DEPARTMENT, org.company().id(), name));
    }

    /** A settled call as the gateway would record it (no budget counters involved). */
    static UsageEntry call(OrgUnit unit, Instant at, String model, long wholesaleMicros, long retailMicros) {
        return new UsageEntry(
                "ui-test-" + UUID.randomUUID(),
                at,
                null,
                unit.id(),
                null,
                "sim-mid",
                model,
                100,
                50,
                0,
                0,
                UsageSource.PROVIDER,
                Money.ofMicros(wholesaleMicros, "USD"),
                Money.ofMicros(retailMicros, "USD"),
                2000,
                120,
                null,
                CallStatus.OK,
                List.of("sim-mid"));
    }

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
}
