package dev.switchboard.connectors.http;

import dev.switchboard.connectors.ConnectorException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Where the HTTP connector may send requests: the guard against server-side request forgery, since
 * workflow designers and agents choose URLs and the server makes the call from inside the network.
 *
 * <p>Rules, checked for every request and again for every redirect hop:
 *
 * <ol>
 *   <li>only {@code http} and {@code https} URLs;
 *   <li>the host is resolved and <em>every</em> address it resolves to is checked;
 *   <li>a host or address on the deny list is refused (the deny list wins over everything);
 *   <li>a host or address on the allow list is allowed, even when internal;
 *   <li>an internal address is refused: loopback, link-local (incl. cloud metadata at 169.254.169.254),
 *       private (10/8, 172.16/12, 192.168/16, fc00::/7), carrier-grade NAT (100.64/10), multicast,
 *       unspecified (0.0.0.0, ::) and reserved (0/8, 240/4) ranges;
 *   <li>any other (public) address is allowed unless the policy is {@link #onlyListed()}.
 * </ol>
 *
 * <p>List entries are host names ({@code crm.example.com}), subdomain wildcards
 * ({@code *.corp.example}), IP addresses or CIDR blocks ({@code 10.20.0.0/16}). A host name entry
 * matches the URL's host as written, so allowing {@code crm.internal} allows what it resolves to.
 *
 * <p>The connector checks each URL before sending, and its client resolves host names through {@link
 * #checkHost} when it connects: the addresses it connects to are the ones checked, so a name that
 * answers DNS with a public address first and an internal one later (DNS rebinding) is still refused.
 *
 * <p>Immutable and thread-safe.
 */
public final class HttpEgressPolicy {

    /** Ranges that Java's own address predicates do not cover but that are never public destinations. */
    private static final List<AddressRange> RESERVED = Stream.of(
                    "0.0.0.0/8", "100.64.0.0/10", "192.0.0.0/24", "198.18.0.0/15", "240.0.0.0/4", "fc00::/7")
            .map(AddressRange::parse)
            .toList();

    private final boolean allowPublicAddresses;
    private final List<String> allow;
    private final List<String> deny;

    private HttpEgressPolicy(boolean allowPublicAddresses, List<String> allow, List<String> deny) {
        this.allowPublicAddresses = allowPublicAddresses;
        this.allow = normalized(allow);
        this.deny = normalized(deny);
    }

    /** Public addresses allowed, internal ones refused, nothing listed. */
    public static HttpEgressPolicy defaults() {
        return new HttpEgressPolicy(true, List.of(), List.of());
    }

    /**
     * A policy from configuration.
     *
     * @throws IllegalArgumentException when an entry is neither a host name, a {@code *.} wildcard, an IP
     *     address nor a CIDR block
     */
    public static HttpEgressPolicy of(boolean allowPublicAddresses, List<String> allow, List<String> deny) {
        return new HttpEgressPolicy(allowPublicAddresses, allow, deny);
    }

    /** This policy with more entries on the allow list. */
    public HttpEgressPolicy allowing(String... entries) {
        return new HttpEgressPolicy(allowPublicAddresses, concat(allow, entries), deny);
    }

    /** This policy with more entries on the deny list. */
    public HttpEgressPolicy denying(String... entries) {
        return new HttpEgressPolicy(allowPublicAddresses, allow, concat(deny, entries));
    }

    /** This policy allowing nothing but what the allow list names. */
    public HttpEgressPolicy onlyListed() {
        return new HttpEgressPolicy(false, allow, deny);
    }

    public boolean allowPublicAddresses() {
        return allowPublicAddresses;
    }

    public List<String> allow() {
        return allow;
    }

    public List<String> deny() {
        return deny;
    }

    /**
     * Checks a destination, resolving its host.
     *
     * @return the addresses the host resolved to, all allowed
     * @throws ConnectorException {@code FORBIDDEN} when the policy refuses the URL, {@code INVALID_INPUT}
     *     when it has no host, {@code UPSTREAM} (retryable) when the host cannot be resolved
     */
    public List<InetAddress> check(URI url) {
        return check(url, InetAddress::getAllByName);
    }

    /** Resolves host names; a seam so tests can give a name internal addresses without a DNS server. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    List<InetAddress> check(URI url, Resolver resolver) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ConnectorException.forbidden(
                    "URL scheme '" + scheme + "' is not allowed; only http and https are (" + safe(url) + ")");
        }
        String host = host(url);
        if (host.isEmpty()) {
            throw ConnectorException.invalidInput("url", "has no host: " + safe(url));
        }
        return checkHost(host, resolver);
    }

    /**
     * Resolves a host name (or IP literal) and checks every address, as {@link #check} does for a URL's
     * host: what a client connecting on the policy's behalf connects to.
     *
     * @return the addresses the host resolved to, all allowed
     * @throws ConnectorException {@code FORBIDDEN} or {@code UPSTREAM} as {@link #check}
     */
    List<InetAddress> checkHost(String rawHost, Resolver resolver) {
        String host = normalizedHost(rawHost);
        if (deny.stream().anyMatch(entry -> matchesName(entry, host))) {
            throw ConnectorException.forbidden("host " + host + " is on the egress deny list");
        }
        boolean hostAllowed = allow.stream().anyMatch(entry -> matchesName(entry, host));
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            // may be a passing DNS failure, so the step's retry policy decides
            throw ConnectorException.upstream("cannot resolve host " + host, null, null, e);
        }
        for (InetAddress address : addresses) {
            checkAddress(host, hostAllowed, address);
        }
        return List.of(addresses);
    }

    private void checkAddress(String host, boolean hostAllowed, InetAddress address) {
        String shown = address.getHostAddress();
        if (inRanges(deny, address)) {
            throw ConnectorException.forbidden(
                    "host " + host + " resolves to " + shown + ", which is on the egress deny list");
        }
        if (hostAllowed || inRanges(allow, address)) {
            return;
        }
        String internal = internalKind(address);
        if (internal != null) {
            throw ConnectorException.forbidden("host " + host + " resolves to " + internal + " address " + shown
                    + ", which the egress policy refuses unless allow-listed");
        }
        if (!allowPublicAddresses) {
            throw ConnectorException.forbidden("host " + host + " is not on the egress allow list");
        }
    }

    /** Why an address is internal, or {@code null} when it is public. */
    static String internalKind(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return "an unspecified";
        }
        if (address.isLoopbackAddress()) {
            return "a loopback";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local";
        }
        if (address.isSiteLocalAddress()) {
            return "a private";
        }
        if (address.isMulticastAddress()) {
            return "a multicast";
        }
        return RESERVED.stream().anyMatch(r -> r.contains(address)) ? "a reserved or private" : null;
    }

    private static boolean inRanges(List<String> entries, InetAddress address) {
        return entries.stream().map(AddressRange::tryParse).anyMatch(range -> range != null && range.contains(address));
    }

    private static boolean matchesName(String entry, String host) {
        if (entry.startsWith("*.")) {
            return host.endsWith(entry.substring(1));
        }
        return entry.equals(host);
    }

    /** The URL's host in lower case, without IPv6 brackets or a trailing dot. */
    private static String host(URI url) {
        return url.getHost() == null ? "" : normalizedHost(url.getHost());
    }

    private static String normalizedHost(String rawHost) {
        String host = rawHost.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    /** The URL without query and user info, for messages: the query may carry data not meant for logs. */
    static String safe(URI url) {
        if (url.getHost() == null) {
            return url.getScheme() == null ? "(relative URL)" : url.getScheme() + ":…";
        }
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return url.getScheme() + "://" + url.getHost() + port + path;
    }

    private static List<String> normalized(List<String> entries) {
        List<String> result = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.strip().toLowerCase(Locale.ROOT);
            if (AddressRange.tryParse(entry) == null && !isHostPattern(entry)) {
                throw new IllegalArgumentException("egress entry '" + raw
                        + "' is neither a host name, a *. wildcard, an IP address nor a CIDR block");
            }
            result.add(entry.startsWith("[") && entry.endsWith("]") ? entry.substring(1, entry.length() - 1) : entry);
        }
        return List.copyOf(result);
    }

    private static boolean isHostPattern(String entry) {
        String name = entry.startsWith("*.") ? entry.substring(2) : entry;
        return !name.isEmpty() && name.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
    }

    private static List<String> concat(List<String> list, String... more) {
        List<String> all = new ArrayList<>(list);
        all.addAll(List.of(more));
        return all;
    }

    @Override
    public String toString() {
        return "HttpEgressPolicy[allowPublicAddresses=" + allowPublicAddresses + ", allow=" + allow + ", deny=" + deny
                + "]";
    }
}
