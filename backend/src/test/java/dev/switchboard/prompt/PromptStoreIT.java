package dev.switchboard.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.prompts.BundledPrompts;
import dev.switchboard.prompts.PromptYaml;
import dev.switchboard.testsupport.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the database and the start-up import guarantee, below the REST API. */
@IntegrationTest
class PromptStoreIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BundledLibraryImport libraryImport;

    @Autowired
    PromptRepository prompts;

    long versionCount() {
        return jdbc.sql("SELECT count(*) FROM prompt_version").query(Long.class).single();
    }

    @Test
    void the_bundled_library_is_imported_at_start_up_as_shared_published_versions() {
        for (BundledPrompts.Bundled bundled : BundledPrompts.all()) {
            PromptRepository.TemplateRow row =
                    prompts.findTemplateByKey(bundled.template().key()).orElseThrow();
            assertThat(row.orgUnitId()).isNull();
            assertThat(row.source()).isEqualTo(PromptSource.BUNDLED);
            assertThat(prompts.versions(row.id())).anySatisfy(v -> {
                assertThat(v.published()).isTrue();
                assertThat(v.template()).isEqualTo(bundled.template());
            });
        }
    }

    @Test
    void importing_the_library_again_creates_nothing() {
        long before = versionCount();

        assertThat(libraryImport.importAll()).isZero();
        assertThat(versionCount()).isEqualTo(before);
    }

    @Test
    void a_bundled_file_that_changed_since_the_last_import_becomes_a_new_published_version() {
        PromptRepository.TemplateRow summary =
                prompts.findTemplateByKey("summarize").orElseThrow();
        // as if the previous release had shipped other content: its import is the newest library version
        var previous = BundledPrompts.all().stream()
                .filter(b -> b.template().key().equals("summarize"))
                .findFirst()
                .orElseThrow()
                .template();
        var older = new dev.switchboard.prompts.PromptTemplate(
                previous.key(),
                previous.name() + " (old)",
                previous.description(),
                previous.tags(),
                previous.settings(),
                previous.variables(),
                previous.messages());
        int olderNumber = prompts.nextNumber(summary.id());
        String olderYaml = PromptYaml.write(older);
        prompts.insertVersion(
                new PromptVersion(
                        summary.id(),
                        olderNumber,
                        VersionStatus.PUBLISHED,
                        older,
                        olderYaml,
                        null,
                        BundledLibraryImport.AUTHOR,
                        Instant.now(),
                        BundledLibraryImport.AUTHOR,
                        Instant.now()),
                Fingerprints.of(olderYaml));

        assertThat(libraryImport.importAll()).isEqualTo(1);

        PromptVersion newest = prompts.versions(summary.id()).getLast();
        assertThat(newest.number()).isEqualTo(olderNumber + 1);
        assertThat(newest.published()).isTrue();
        assertThat(newest.template()).isEqualTo(previous);
        assertThat(libraryImport.importAll()).isZero();
    }

    @Test
    void the_database_refuses_to_change_or_delete_a_published_version() {
        PromptRepository.TemplateRow invoice =
                prompts.findTemplateByKey("invoice-fields").orElseThrow();
        int published = prompts.versions(invoice.id()).stream()
                .filter(PromptVersion::published)
                .findFirst()
                .orElseThrow()
                .number();

        assertThatThrownBy(() -> jdbc.sql("UPDATE prompt_version SET yaml = 'x' WHERE template_id = ? AND number = ?")
                        .param(invoice.id().value())
                        .param(published)
                        .update())
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM prompt_version WHERE template_id = ? AND number = ?")
                        .param(invoice.id().value())
                        .param(published)
                        .update())
                .hasMessageContaining("immutable");
    }

    @Test
    void a_draft_may_change_and_be_published_once() {
        PromptId id = new PromptId(UUID.randomUUID());
        prompts.insertTemplate(new PromptRepository.TemplateRow(
                id,
                "draft-" + id.value().toString().substring(0, 8),
                null,
                PromptSource.USER,
                "test",
                Instant.now(),
                null));
        var template =
                PromptYaml.read(PromptYaml.write(BundledPrompts.all().getFirst().template()));
        String yaml = PromptYaml.write(template);
        prompts.insertVersion(
                new PromptVersion(id, 1, VersionStatus.DRAFT, template, yaml, null, "test", Instant.now(), null, null),
                Fingerprints.of(yaml));

        jdbc.sql("UPDATE prompt_version SET name = 'renamed' WHERE template_id = ?")
                .param(id.value())
                .update();
        prompts.publish(id, 1, "test", Instant.now());

        assertThat(prompts.version(id, 1).orElseThrow().published()).isTrue();
        assertThatThrownBy(() -> jdbc.sql("UPDATE prompt_version SET published_at = ? WHERE template_id = ?")
                        .param(Timestamp.from(Instant.now()))
                        .param(id.value())
                        .update())
                .hasMessageContaining("immutable");
    }
}
