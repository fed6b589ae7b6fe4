package dev.switchboard.prompt;

import dev.switchboard.prompts.PromptTemplate;
import java.time.Instant;

/**
 * One version of a template.
 *
 * @param yaml the template exactly as export gives it
 * @param basedOn the version this one was made from (a rollback names the old version), or {@code null}
 */
public record PromptVersion(
        PromptId templateId,
        int number,
        VersionStatus status,
        PromptTemplate template,
        String yaml,
        Integer basedOn,
        String createdBy,
        Instant createdAt,
        String publishedBy,
        Instant publishedAt) {

    public boolean published() {
        return status == VersionStatus.PUBLISHED;
    }
}
