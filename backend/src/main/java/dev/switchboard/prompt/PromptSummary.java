package dev.switchboard.prompt;

import dev.switchboard.org.OrgUnitId;
import java.time.Instant;
import java.util.List;

/**
 * A template as a list shows it, from its newest version.
 *
 * @param orgUnitId the owning unit, {@code null} for a template shared company-wide
 * @param publishedVersion the newest published version, {@code null} if none is
 * @param draftVersion the number of the open draft, {@code null} if there is none
 */
public record PromptSummary(
        PromptId id,
        String key,
        OrgUnitId orgUnitId,
        PromptSource source,
        String name,
        String description,
        List<String> tags,
        int latestVersion,
        Integer publishedVersion,
        Integer draftVersion,
        Instant updatedAt) {

    public PromptSummary {
        tags = List.copyOf(tags);
    }

    public boolean shared() {
        return orgUnitId == null;
    }
}
