package dev.switchboard.org;

import dev.switchboard.platform.SwitchboardProperties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * First start of an installation: creates the company node and, if configured, the bootstrap admin.
 * Safe to run on every start and on several nodes at once.
 */
@Component
class OrgBootstrap implements ApplicationRunner, Ordered {

    static final int ORDER = 0;
    private static final Logger log = LoggerFactory.getLogger(OrgBootstrap.class);

    private final OrgService org;
    private final UserService users;
    private final UserRepository userRows;
    private final SwitchboardProperties properties;

    OrgBootstrap(OrgService org, UserService users, UserRepository userRows, SwitchboardProperties properties) {
        this.org = org;
        this.users = users;
        this.userRows = userRows;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureCompany();
        String adminPassword = properties.security().bootstrapAdminPassword();
        if (!adminPassword.isBlank() && userRows.findAll().isEmpty()) {
            users.createUnchecked(new NewUser(
                    "admin", "Administrator", null, adminPassword, Set.of(UserRole.PLATFORM_ADMIN), Set.of()));
            log.info("Created the bootstrap admin account 'admin'");
        }
    }

    OrgUnit ensureCompany() {
        return org.list(true).stream()
                .filter(u -> u.kind() == OrgUnitKind.COMPANY)
                .findFirst()
                .orElseGet(() -> {
                    try {
                        OrgUnit company = org.createUnchecked(OrgUnitKind.COMPANY, null, properties.organisation());
                        log.info("Created the company '{}'", company.name());
                        return company;
                    } catch (DuplicateKeyException | OrgConflictException raced) {
                        // another node created it between our read and our insert
                        return ensureCompany();
                    }
                });
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
