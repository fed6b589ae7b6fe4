package dev.switchboard.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.org.UserService;
import dev.switchboard.testsupport.ApiClient;
import dev.switchboard.testsupport.ApiClient.Response;
import dev.switchboard.testsupport.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class NotificationsIT {

    @LocalServerPort
    int port;

    @Autowired
    Notifications notifications;

    @Autowired
    OrgService org;

    @Autowired
    UserService users;

    private OrgUnitId unit(String name) {
        return org.list(false).stream()
                .filter(u -> u.name().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private static NewNotification note(Audience audience, String title, String dedupKey) {
        return new NewNotification(audience, "test.note", Severity.INFO, title, "body", null, dedupKey);
    }

    @Test
    void posting_with_the_same_dedup_key_twice_leaves_one_notification() {
        String key = "test:" + UUID.randomUUID();

        assertThat(notifications.post(note(new Audience.Unit(unit("IT")), "once", key)))
                .isPresent();
        assertThat(notifications.post(note(new Audience.Unit(unit("IT")), "once", key)))
                .isEmpty();

        Response forIt = ApiClient.as(port, "bob", "bob-demo-pass").get("/api/v1/notifications?limit=500");
        assertThat(forIt.json()
                        .valueStream()
                        .filter(n -> n.path("title").asString().equals("once")))
                .hasSizeGreaterThanOrEqualTo(1);
    }

    @Test
    void a_personal_notification_reaches_that_person_only_and_read_all_marks_it() {
        var carol = users.findByUsername("carol").orElseThrow();
        String title = "for carol " + UUID.randomUUID();
        notifications.post(note(new Audience.Person(carol.id()), title, null));
        ApiClient asCarol = ApiClient.as(port, "carol", "carol-demo-pass");
        ApiClient asBob = ApiClient.as(port, "bob", "bob-demo-pass");

        assertThat(asCarol.get("/api/v1/notifications?unreadOnly=true&limit=500")
                        .body())
                .contains(title);
        assertThat(asBob.get("/api/v1/notifications?limit=500").body()).doesNotContain(title);
        Response marked = asCarol.post("/api/v1/notifications/read-all", null);
        assertThat(marked.status()).isEqualTo(200);
        assertThat(marked.json().path("marked").asInt()).isPositive();
        assertThat(asCarol.get("/api/v1/notifications?unreadOnly=true&limit=500")
                        .body())
                .doesNotContain(title);
        assertThat(asCarol.get("/api/v1/notifications?limit=500").body()).contains(title);
    }

    @Test
    void a_bad_limit_is_a_problem_detail() {
        Response tooMany = ApiClient.asMaster(port).get("/api/v1/notifications?limit=100000");

        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.text("type")).isEqualTo("urn:switchboard:problem:invalid-input");
    }
}
