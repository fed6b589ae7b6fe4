package dev.switchboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testsupport.ApiClient;
import dev.switchboard.testsupport.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The whole application, every role, against the test database and an embedded Temporal server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SwitchboardApplicationIT {

    @LocalServerPort
    int port;

    @Test
    void health_reports_postgresql_and_temporal_up() {
        Response health = ApiClient.withAuthorization(port, null).get("/actuator/health");

        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
        assertThat(health.json().path("components").path("db").path("status").asString())
                .isEqualTo("UP");
        assertThat(health.json()
                        .path("components")
                        .path("temporal")
                        .path("status")
                        .asString())
                .isEqualTo("UP");
    }

    @Test
    void health_details_are_shown_to_admins_only() {
        Response anonymous = ApiClient.withAuthorization(port, null).get("/actuator/health");
        Response admin = ApiClient.asMaster(port).get("/actuator/health");

        assertThat(anonymous
                        .json()
                        .path("components")
                        .path("db")
                        .path("details")
                        .isMissingNode())
                .isTrue();
        assertThat(admin.json()
                        .path("components")
                        .path("db")
                        .path("details")
                        .path("database")
                        .asString())
                .isEqualTo("PostgreSQL");
    }

    @Test
    void prometheus_exposes_jvm_and_http_metrics() {
        ApiClient.asMaster(port).get("/api/v1/org-units");

        Response metrics = ApiClient.withAuthorization(port, null).get("/actuator/prometheus", "text/plain");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("http_server_requests_seconds");
    }

    @Test
    void openapi_documents_the_org_and_user_endpoints() {
        Response docs = ApiClient.withAuthorization(port, null).get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").propertyNames())
                .contains(
                        "/api/v1/org-units",
                        "/api/v1/org-units/{id}/move",
                        "/api/v1/users",
                        "/api/v1/users/{id}/roles");
        assertThat(ApiClient.withAuthorization(port, null)
                        .get("/swagger-ui/index.html")
                        .status())
                .isEqualTo(200);
    }
}
