package dev.switchboard.catalog;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * What an admin may change about a provider. The base URL is absolute http(s), or starts with {@value
 * #SELF} for an endpoint of this application (the simulated providers); it is absent only for {@link
 * ProtocolFamily#IN_PROCESS}, which also has no quirks preset.
 *
 * @param region where requests are processed ({@code us}, {@code eu}, {@code cn}, {@code local})
 * @param jurisdiction whose law governs the provider ({@code US}, {@code EU}, {@code CN}, {@code self-hosted})
 */
public record ProviderSettings(
        String displayName,
        ProtocolFamily protocol,
        QuirksPreset quirks,
        String baseUrl,
        String region,
        String jurisdiction) {

    /** Stands for {@code http://127.0.0.1:<this node's port>} in a base URL. */
    public static final String SELF = "{self}";

    private static final Pattern REGION = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Pattern JURISDICTION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,31}");

    public ProviderSettings {
        displayName = displayName == null ? "" : displayName.strip();
        if (displayName.isEmpty() || displayName.length() > 100) {
            throw new CatalogValidationException("displayName", "must be 1-100 characters");
        }
        if (protocol == null) {
            throw new CatalogValidationException("protocol", "must be given");
        }
        quirks = checkQuirks(protocol, quirks);
        baseUrl = checkBaseUrl(protocol, baseUrl);
        if (region == null || !REGION.matcher(region).matches()) {
            throw new CatalogValidationException("region", "must be a lower-case code such as us, eu, cn or local");
        }
        if (jurisdiction == null || !JURISDICTION.matcher(jurisdiction).matches()) {
            throw new CatalogValidationException("jurisdiction", "must be a code such as US, EU, CN or self-hosted");
        }
    }

    private static QuirksPreset checkQuirks(ProtocolFamily protocol, QuirksPreset quirks) {
        if (protocol == ProtocolFamily.IN_PROCESS) {
            if (quirks != null) {
                throw new CatalogValidationException("quirks", "an in-process model has no quirks preset");
            }
            return null;
        }
        if (quirks == null) {
            throw new CatalogValidationException("quirks", "must be given for " + protocol);
        }
        if (quirks.family() != protocol) {
            throw new CatalogValidationException(
                    "quirks", "'" + quirks.code() + "' belongs to " + quirks.family() + ", not " + protocol);
        }
        return quirks;
    }

    private static String checkBaseUrl(ProtocolFamily protocol, String baseUrl) {
        String url = baseUrl == null ? "" : baseUrl.strip();
        if (protocol == ProtocolFamily.IN_PROCESS) {
            if (!url.isEmpty()) {
                throw new CatalogValidationException("baseUrl", "an in-process model has no base URL");
            }
            return null;
        }
        if (url.isEmpty() || url.length() > 500) {
            throw new CatalogValidationException("baseUrl", "must be given (at most 500 characters)");
        }
        if (url.startsWith(SELF + "/")) {
            return url;
        }
        try {
            URI uri = new URI(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new CatalogValidationException(
                "baseUrl", "must be an absolute http(s) URL such as https://api.openai.com/v1, not '" + url + "'");
    }
}
