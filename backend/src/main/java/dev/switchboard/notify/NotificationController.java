package dev.switchboard.notify;

import dev.switchboard.org.OrgUnitId;
import dev.switchboard.platform.ConditionalOnNodeRole;
import dev.switchboard.platform.NodeRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of in-app notifications: the signed-in person's, or one org unit's. */
@RestController
@RequestMapping("/api/v1/notifications")
@ConditionalOnNodeRole(NodeRole.API)
@Tag(name = "Notifications", description = "In-app notifications such as budget alerts")
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    record NotificationResponse(
            UUID id,
            UUID orgUnitId,
            UUID userId,
            String kind,
            String severity,
            String title,
            String body,
            String link,
            Instant createdAt,
            boolean read,
            Instant readAt) {
        static NotificationResponse of(Notification n) {
            return new NotificationResponse(
                    n.id().value(),
                    n.audience() instanceof Audience.Unit u ? u.orgUnitId().value() : null,
                    n.audience() instanceof Audience.Person p ? p.userId().value() : null,
                    n.kind(),
                    n.severity().name().toLowerCase(Locale.ROOT),
                    n.title(),
                    n.body(),
                    n.link(),
                    n.createdAt(),
                    n.read(),
                    n.readAt());
        }
    }

    record MarkedAll(int marked) {}

    @GetMapping
    @Operation(summary = "Your notifications (yours and your org units'), newest first; with orgUnitId, that unit's")
    List<NotificationResponse> list(
            @RequestParam(required = false) UUID orgUnitId,
            @RequestParam(defaultValue = "false") boolean unreadOnly,
            @RequestParam(defaultValue = "50") int limit) {
        List<Notification> found = orgUnitId == null
                ? notifications.mine(unreadOnly, limit)
                : notifications.ofUnit(new OrgUnitId(orgUnitId), limit).stream()
                        .filter(n -> !unreadOnly || !n.read())
                        .toList();
        return found.stream().map(NotificationResponse::of).toList();
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark one notification read (for you; others keep their own read marks)")
    NotificationResponse markRead(@PathVariable UUID id) {
        return NotificationResponse.of(notifications.markRead(new NotificationId(id)));
    }

    @PostMapping("/read-all")
    @Operation(summary = "Mark everything you see read")
    MarkedAll markAllRead() {
        return new MarkedAll(notifications.markAllRead());
    }
}
