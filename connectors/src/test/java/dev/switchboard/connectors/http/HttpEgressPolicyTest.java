package dev.switchboard.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.connectors.ConnectorException;
import dev.switchboard.connectors.ConnectorException.Kind;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpEgressPolicyTest {

    static final HttpEgressPolicy DEFAULTS = HttpEgressPolicy.defaults();

    /** A DNS stand-in: every name resolves to the given literal addresses. */
    static HttpEgressPolicy.Resolver resolvingTo(String... addresses) {
        return host -> {
            InetAddress[] result = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                result[i] = InetAddress.ofLiteral(addresses[i]);
            }
            return result;
        };
    }

    static void assertForbidden(ThrowingCallable call, String messagePart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN);
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).contains(messagePart);
        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:8080/admin",
                "http://2130706433/",
                "http://[::1]/",
                "http://[::ffff:127.0.0.1]/",
                "http://localhost/"
            })
    void refuses_loopback_by_default_in_any_spelling(String url) {
        assertForbidden(() -> DEFAULTS.check(URI.create(url)), "loopback");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://10.1.2.3/",
                "http://172.16.0.1/",
                "http://192.168.1.1/",
                "http://169.254.169.254/latest/meta-data/",
                "http://100.64.0.1/",
                "http://0.0.0.0/",
                "http://224.0.0.1/",
                "http://255.255.255.255/",
                "http://[fd00::1]/",
                "http://[fe80::1]/",
                "http://[::]/"
            })
    void refuses_private_link_local_and_other_internal_addresses(String url) {
        assertForbidden(() -> DEFAULTS.check(URI.create(url)), "address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://files.example.com/report.csv", "gopher://example.com/"})
    void refuses_schemes_other_than_http_and_https(String url) {
        assertForbidden(() -> DEFAULTS.check(URI.create(url)), "only http and https");
    }

    @Test
    void refuses_a_url_whose_host_java_cannot_read() {
        // "127.1" is neither a dotted quad nor a host name to java.net.URI, so it has no host at all
        assertThatThrownBy(() -> DEFAULTS.check(URI.create("http://127.1/")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT);
                    assertThat(e.field()).contains("url");
                });
    }

    @Test
    void allows_a_public_address_by_default() {
        List<InetAddress> addresses =
                DEFAULTS.check(URI.create("https://api.example.com/v1"), resolvingTo("93.184.216.34"));

        assertThat(addresses).extracting(InetAddress::getHostAddress).containsExactly("93.184.216.34");
    }

    @Test
    void refuses_a_name_that_resolves_to_an_internal_address() {
        assertForbidden(
                () -> DEFAULTS.check(URI.create("https://crm.example.com/"), resolvingTo("10.0.0.5")),
                "crm.example.com resolves to a private address 10.0.0.5");
    }

    @Test
    void checks_every_address_a_name_resolves_to() {
        assertForbidden(
                () -> DEFAULTS.check(
                        URI.create("https://mixed.example.com/"), resolvingTo("93.184.216.34", "169.254.169.254")),
                "169.254.169.254");
    }

    @Test
    void allows_loopback_when_listed_by_address_or_block() {
        URI local = URI.create("http://127.0.0.1:9000/hook");

        assertThat(DEFAULTS.allowing("127.0.0.1").check(local)).isNotEmpty();
        assertThat(DEFAULTS.allowing("127.0.0.0/8").check(local)).isNotEmpty();
        assertForbidden(() -> DEFAULTS.allowing("127.0.0.2").check(local), "loopback");
    }

    @Test
    void allows_an_internal_host_listed_by_name_or_wildcard() {
        HttpEgressPolicy policy = DEFAULTS.allowing("crm.internal", "*.corp.example");

        assertThat(policy.check(URI.create("https://CRM.internal/api"), resolvingTo("10.0.0.5")))
                .isNotEmpty();
        assertThat(policy.check(URI.create("https://wiki.eu.corp.example/"), resolvingTo("10.9.0.1")))
                .isNotEmpty();
        assertForbidden(() -> policy.check(URI.create("https://corp.example/"), resolvingTo("10.9.0.1")), "private");
    }

    @Test
    void the_deny_list_wins_over_the_allow_list() {
        HttpEgressPolicy policy =
                DEFAULTS.allowing("127.0.0.1", "*.example.com").denying("127.0.0.0/8", "ads.example.com");

        assertForbidden(() -> policy.check(URI.create("http://127.0.0.1/")), "deny list");
        assertForbidden(
                () -> policy.check(URI.create("https://ads.example.com/"), resolvingTo("93.184.216.34")), "deny list");
        assertThat(policy.check(URI.create("https://api.example.com/"), resolvingTo("93.184.216.34")))
                .isNotEmpty();
    }

    @Test
    void a_deny_listed_public_block_is_refused() {
        HttpEgressPolicy policy = DEFAULTS.denying("203.0.113.0/24");

        assertForbidden(
                () -> policy.check(URI.create("https://partner.example.net/"), resolvingTo("203.0.113.7")),
                "deny list");
    }

    @Test
    void only_listed_refuses_public_hosts_not_on_the_allow_list() {
        HttpEgressPolicy policy = DEFAULTS.allowing("api.partner.com").onlyListed();

        assertThat(policy.check(URI.create("https://api.partner.com/"), resolvingTo("93.184.216.34")))
                .isNotEmpty();
        assertForbidden(
                () -> policy.check(URI.create("https://example.org/"), resolvingTo("93.184.216.35")),
                "not on the egress allow list");
    }

    @Test
    void an_unresolvable_host_is_a_retryable_upstream_failure() {
        HttpEgressPolicy.Resolver failing = host -> {
            throw new UnknownHostException(host);
        };

        assertThatThrownBy(() -> DEFAULTS.check(URI.create("https://nowhere.example/"), failing))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UPSTREAM);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("nowhere.example");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "not a host", "*.", "http://crm", ""})
    void refuses_malformed_list_entries(String entry) {
        assertThatThrownBy(() -> DEFAULTS.allowing(entry)).isInstanceOf(IllegalArgumentException.class);
    }
}
