package dev.switchboard.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testsupport.ApiClient;
import dev.switchboard.testsupport.ApiClient.Response;
import dev.switchboard.testsupport.IntegrationTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class ProcurementApiIT {

    static final String ACCOUNTS = "/api/v1/procurement/accounts";

    @LocalServerPort
    int port;

    ApiClient admin;
    ApiClient carol;
    ApiClient alice;
    ApiClient bob;

    @BeforeEach
    void setUp() {
        admin = ApiClient.asMaster(port);
        carol = ApiClient.as(port, "carol", "carol-demo-pass"); // finance
        alice = ApiClient.as(port, "alice", "alice-demo-pass"); // designer
        bob = ApiClient.as(port, "bob", "bob-demo-pass"); // operator
    }

    private String newProvider() {
        String id = "proc-" + UUID.randomUUID().toString().substring(0, 8);
        Response created = admin.post(
                "/api/v1/providers",
                Map.of(
                        "id", id,
                        "displayName", "Procurement API " + id,
                        "protocol", "IN_PROCESS",
                        "region", "local",
                        "jurisdiction", "self-hosted"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return id;
    }

    private static Map<String, Object> prepaid(String provider) {
        Map<String, Object> body = new HashMap<>();
        body.put("providerId", provider);
        body.put("kind", "PREPAID");
        body.put("currency", "USD");
        body.put("initialAmountMicros", 50_000_000L);
        body.put("reference", "PO-4711");
        body.put("lowBalanceThresholdMicros", 10_000_000L);
        body.put("avoidWhenExhausted", true);
        return body;
    }

    private static Map<String, Object> entry(long micros, String currency, String reference) {
        Map<String, Object> body = new HashMap<>();
        body.put("amountMicros", micros);
        body.put("currency", currency);
        body.put("reference", reference);
        return body;
    }

    private static String field(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        return response.json().path("errors").get(0).path("field").asString();
    }

    @Test
    void finance_opens_an_account_tops_it_up_and_reads_balance_and_entries() {
        String provider = newProvider();

        Response opened = carol.post(ACCOUNTS, prepaid(provider));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(opened.json().path("remainingMicros").asLong()).isEqualTo(50_000_000L);
        assertThat(opened.json().path("alertLevel").asString()).isEqualTo("OK");
        assertThat(opened.json().path("createdBy").asString()).isEqualTo("carol");

        Response topUp = carol.post(ACCOUNTS + "/" + provider + "/top-ups", entry(25_000_000L, "USD", "WIRE-881"));
        assertThat(topUp.status()).as(topUp.body()).isEqualTo(201);
        assertThat(topUp.json().path("recordedBy").asString()).isEqualTo("carol");

        Response updated = admin.put(
                ACCOUNTS + "/" + provider,
                Map.of("lowBalanceThresholdMicros", 80_000_000L, "avoidWhenExhausted", false));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        // 75 left, threshold now 80: low
        assertThat(updated.json().path("alertLevel").asString()).isEqualTo("LOW");
        assertThat(updated.json().path("avoidWhenExhausted").asBoolean()).isFalse();

        Response account = carol.get(ACCOUNTS + "/" + provider);
        assertThat(account.json().path("creditedMicros").asLong()).isEqualTo(75_000_000L);
        assertThat(account.json().path("spentMicros").asLong()).isZero();
        assertThat(account.json().path("remainingMicros").asLong()).isEqualTo(75_000_000L);
        assertThat(carol.get(ACCOUNTS)
                        .json()
                        .valueStream()
                        .map(a -> a.path("providerId").asString()))
                .contains(provider);

        Response entries = carol.get(ACCOUNTS + "/" + provider + "/entries");
        assertThat(entries.status()).isEqualTo(200);
        assertThat(entries.json().valueStream().map(e -> e.path("reference").asString()))
                .containsExactly("WIRE-881", "PO-4711");
        assertThat(entries.json().get(0).path("kind").asString()).isEqualTo("TOP_UP");
    }

    @Test
    void a_credit_line_takes_limit_changes_but_a_prepaid_account_refuses_them() {
        String line = newProvider();
        Map<String, Object> body = prepaid(line);
        body.put("kind", "CREDIT_LINE");
        assertThat(admin.post(ACCOUNTS, body).status()).isEqualTo(201);

        Response raised =
                admin.post(ACCOUNTS + "/" + line + "/credit-limit", entry(90_000_000L, "USD", "MSA amendment 2"));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        assertThat(admin.get(ACCOUNTS + "/" + line)
                        .json()
                        .path("creditLimitMicros")
                        .asLong())
                .isEqualTo(90_000_000L);

        String prepaidProvider = newProvider();
        assertThat(admin.post(ACCOUNTS, prepaid(prepaidProvider)).status()).isEqualTo(201);
        assertThat(field(admin.post(ACCOUNTS + "/" + prepaidProvider + "/credit-limit", entry(1L, "USD", "nope"))))
                .isEqualTo("kind");
    }

    @Test
    void bad_input_is_400_naming_the_field() {
        String provider = newProvider();
        Map<String, Object> unknownProvider =
                prepaid("no-such-provider-" + UUID.randomUUID().toString().substring(0, 4));
        assertThat(field(admin.post(ACCOUNTS, unknownProvider))).isEqualTo("providerId");
        Map<String, Object> badCurrency = prepaid(provider);
        badCurrency.put("currency", "usd");
        assertThat(field(admin.post(ACCOUNTS, badCurrency))).isEqualTo("currency");
        Map<String, Object> negativeThreshold = prepaid(provider);
        negativeThreshold.put("lowBalanceThresholdMicros", -1);
        assertThat(field(admin.post(ACCOUNTS, negativeThreshold))).isEqualTo("lowBalanceThresholdMicros");
        Map<String, Object> lineWithoutLimit = prepaid(provider);
        lineWithoutLimit.put("kind", "CREDIT_LINE");
        lineWithoutLimit.remove("initialAmountMicros");
        assertThat(field(admin.post(ACCOUNTS, lineWithoutLimit))).isEqualTo("initialAmountMicros");
        Map<String, Object> future = prepaid(provider);
        future.put("openedAt", "2999-01-01T00:00:00Z");
        assertThat(field(admin.post(ACCOUNTS, future))).isEqualTo("openedAt");
        assertThat(admin.postRaw(ACCOUNTS, "{\"kind\": \"BARTER\"}").status()).isEqualTo(400);

        assertThat(admin.post(ACCOUNTS, prepaid(provider)).status()).isEqualTo(201);
        String topUps = ACCOUNTS + "/" + provider + "/top-ups";
        assertThat(field(admin.post(topUps, entry(0, "USD", "zero")))).isEqualTo("amountMicros");
        assertThat(field(admin.post(topUps, entry(-5, "USD", "negative")))).isEqualTo("amountMicros");
        assertThat(field(admin.post(topUps, entry(5, "EUR", "wrong currency")))).isEqualTo("currency");
        assertThat(field(admin.post(topUps, entry(5, "USD", " ")))).isEqualTo("reference");
        assertThat(field(admin.post(ACCOUNTS + "/" + provider + "/adjustments", entry(0, "USD", "zero"))))
                .isEqualTo("amountMicros");
    }

    @Test
    void a_second_account_for_a_provider_is_409_and_an_unknown_one_404() {
        String provider = newProvider();
        assertThat(admin.post(ACCOUNTS, prepaid(provider)).status()).isEqualTo(201);

        Response again = admin.post(ACCOUNTS, prepaid(provider));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("type").asString()).isEqualTo("urn:switchboard:problem:conflict");
        String missing = newProvider();
        assertThat(admin.get(ACCOUNTS + "/" + missing).status()).isEqualTo(404);
        assertThat(admin.get(ACCOUNTS + "/" + missing + "/entries").status()).isEqualTo(404);
        assertThat(admin.post(ACCOUNTS + "/" + missing + "/top-ups", entry(1, "USD", "x"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void only_admins_and_finance_see_or_change_accounts() {
        String provider = newProvider();
        assertThat(admin.post(ACCOUNTS, prepaid(provider)).status()).isEqualTo(201);

        for (ApiClient outsider : new ApiClient[] {alice, bob}) {
            assertThat(outsider.get(ACCOUNTS).status()).isEqualTo(403);
            assertThat(outsider.get(ACCOUNTS + "/" + provider).status()).isEqualTo(403);
            assertThat(outsider.post(ACCOUNTS + "/" + provider + "/top-ups", entry(1, "USD", "sneaky"))
                            .status())
                    .isEqualTo(403);
            assertThat(outsider.post(ACCOUNTS, prepaid(newProvider())).status()).isEqualTo(403);
        }
        assertThat(ApiClient.withAuthorization(port, null).get(ACCOUNTS).status())
                .isEqualTo(401);
        assertThat(carol.get(ACCOUNTS + "/" + provider + "/entries").json().size())
                .isEqualTo(1);
    }
}
