package dev.switchboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testsupport.ApiClient;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** {@code switchboard.roles} decides what a node serves: the same jar runs as api, ui or worker nodes. */
class NodeRolesIT {

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "switchboard.roles=api")
    @ActiveProfiles("test")
    class ApiOnlyNode {

        @LocalServerPort
        int port;

        @Test
        void serves_the_rest_api_but_no_pages() {
            assertThat(ApiClient.asMaster(port).get("/api/v1/org-units").status())
                    .isEqualTo(200);
            assertThat(ApiClient.withAuthorization(port, null).get("/").status())
                    .isEqualTo(404);
            assertThat(ApiClient.withAuthorization(port, null).get("/login").status())
                    .isEqualTo(404);
        }
    }

    @Nested
    @SpringBootTest(
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "switchboard.roles=ui,worker")
    @ActiveProfiles("test")
    class UiAndWorkerNode {

        @LocalServerPort
        int port;

        @Test
        void serves_pages_but_no_rest_api() {
            assertThat(ApiClient.asMaster(port).get("/api/v1/org-units").status())
                    .isEqualTo(404);
            assertThat(ApiClient.withAuthorization(port, null).get("/login").status())
                    .isEqualTo(200);
        }
    }
}
