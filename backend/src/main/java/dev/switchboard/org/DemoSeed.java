package dev.switchboard.org;

import dev.switchboard.platform.SwitchboardProperties;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Demo data for the embedded mode, seeded once into an empty installation: the departments Marketing
 * (teams Content and Video), IT, Finance and Sales, and the accounts of {@link DemoAccounts}.
 */
@Component
@Profile("!prod")
class DemoSeed implements ApplicationRunner, Ordered {

    private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);
    private static final Map<String, List<String>> DEPARTMENTS = Map.of(
            "Marketing", List.of("Content", "Video"),
            "IT", List.of(),
            "Finance", List.of(),
            "Sales", List.of());

    private final OrgBootstrap bootstrap;
    private final OrgService org;
    private final UserService users;
    private final UserRepository userRows;
    private final SwitchboardProperties properties;

    DemoSeed(
            OrgBootstrap bootstrap,
            OrgService org,
            UserService users,
            UserRepository userRows,
            SwitchboardProperties properties) {
        this.bootstrap = bootstrap;
        this.org = org;
        this.users = users;
        this.userRows = userRows;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.demo().enabled() && userRows.findAll().isEmpty()) {
            seed();
        }
    }

    void seed() {
        OrgUnit company = bootstrap.ensureCompany();
        Map<String, OrgUnitId> departments = new HashMap<>();
        DEPARTMENTS.keySet().stream().sorted().forEach(name -> {
            OrgUnit department = org.createUnchecked(OrgUnitKind.DEPARTMENT, company.id(), name);
            departments.put(name, department.id());
            DEPARTMENTS.get(name).forEach(team -> org.createUnchecked(OrgUnitKind.TEAM, department.id(), team));
        });
        for (DemoAccounts.Account account : DemoAccounts.ALL) {
            OrgUnitId home = account.department() == null ? company.id() : departments.get(account.department());
            users.createUnchecked(new NewUser(
                    account.username(),
                    account.displayName(),
                    account.username() + "@example.com",
                    account.password(),
                    Set.of(account.role()),
                    Set.of(home)));
        }
        log.info(
                "Seeded demo data: departments {}, accounts {}",
                departments.keySet(),
                DemoAccounts.ALL.stream().map(DemoAccounts.Account::username).toList());
    }

    @Override
    public int getOrder() {
        return OrgBootstrap.ORDER + 1;
    }
}
