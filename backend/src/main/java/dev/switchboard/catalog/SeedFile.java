package dev.switchboard.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bundled {@code catalog/seed-prices.yml}: providers, their deployments and list prices with the
 * source of every number. Prices are decimal strings in currency units per million tokens, turned into
 * exact micro-units here (more than six decimals is an error, never a rounding).
 */
record SeedFile(String seedDate, List<SeedProvider> providers) {

    static final String RESOURCE = "catalog/seed-prices.yml";

    SeedFile {
        providers = List.copyOf(providers);
    }

    Instant effectiveFrom() {
        return Instant.parse(seedDate);
    }

    static SeedFile parse(InputStream yaml) {
        // SnakeYAML (safe: plain maps and lists only) reads the YAML; Jackson binds it onto the records
        Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        return mapper.convertValue(tree, SeedFile.class);
    }

    static SeedFile bundled() {
        try (InputStream in = SeedFile.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record SeedProvider(
            String id,
            String displayName,
            ProtocolFamily protocol,
            QuirksPreset quirks,
            String baseUrl,
            String region,
            String jurisdiction,
            Boolean enabled,
            Boolean simulated,
            List<SeedDeployment> deployments) {

        SeedProvider {
            // absent in the file means false (Jackson 3 refuses null for primitives)
            enabled = Boolean.TRUE.equals(enabled);
            simulated = Boolean.TRUE.equals(simulated);
            deployments = List.copyOf(deployments);
        }

        NewProvider toNewProvider() {
            return new NewProvider(
                    ProviderId.of(id),
                    new ProviderSettings(displayName, protocol, quirks, baseUrl, region, jurisdiction),
                    null,
                    enabled,
                    simulated);
        }
    }

    record SeedDeployment(
            String model,
            String upstreamModelId,
            Tier tier,
            Set<Capability> capabilities,
            int contextWindowTokens,
            int maxOutputTokens,
            Integer weight,
            Boolean enabled,
            SeedPrice price) {

        NewDeployment toNewDeployment(ProviderId provider) {
            return new NewDeployment(
                    provider,
                    model,
                    new DeploymentSettings(
                            upstreamModelId == null ? model : upstreamModelId,
                            tier,
                            capabilities,
                            contextWindowTokens,
                            maxOutputTokens,
                            weight == null ? 100 : weight,
                            enabled == null || enabled));
        }
    }

    record SeedPrice(
            String currency, String input, String cachedInput, String output, String effectiveFrom, String source) {

        Price toPrice(Instant seedDate) {
            return new Price(
                    micros(input, "input"),
                    micros(output, "output"),
                    micros(cachedInput, "cachedInput"),
                    Currency.getInstance(currency),
                    effectiveFrom == null ? seedDate : Instant.parse(effectiveFrom),
                    source);
        }

        private static long micros(String perMTok, String field) {
            try {
                return new BigDecimal(perMTok).movePointRight(6).longValueExact();
            } catch (ArithmeticException | NumberFormatException | NullPointerException e) {
                throw new IllegalStateException(
                        RESOURCE + ": " + field + " '" + perMTok + "' is not a price with at most 6 decimals", e);
            }
        }
    }
}
