package dev.switchboard.catalog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Adds the bundled catalog ({@link SeedFile}) on start-up: whatever is missing, nothing that exists is
 * changed. Safe when several nodes start at once (every insert is conflict-free). The simulated
 * providers are left out in the {@code prod} profile, where they would answer real users with
 * made-up text.
 */
@Component
class CatalogSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogSeeder.class);

    private final Catalog catalog;
    private final PriceList prices;
    private final Environment environment;

    CatalogSeeder(Catalog catalog, PriceList prices, Environment environment) {
        this.catalog = catalog;
        this.prices = prices;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        seed(SeedFile.bundled());
    }

    void seed(SeedFile file) {
        boolean prod = environment.matchesProfiles("prod");
        int providers = 0;
        int priceRows = 0;
        for (SeedFile.SeedProvider provider : file.providers()) {
            if (provider.simulated() && prod) {
                continue;
            }
            if (catalog.insertProvider(provider.toNewProvider())) {
                providers++;
            }
            for (SeedFile.SeedDeployment deployment : provider.deployments()) {
                DeploymentId id = catalog.ensureDeployment(deployment.toNewDeployment(ProviderId.of(provider.id())));
                if (prices.seed(id, deployment.price().toPrice(file.effectiveFrom()))) {
                    priceRows++;
                }
            }
        }
        if (providers > 0 || priceRows > 0) {
            log.info(
                    "Catalog seed of {}: added {} providers and {} prices (real providers start disabled)",
                    file.seedDate(),
                    providers,
                    priceRows);
        }
    }
}
