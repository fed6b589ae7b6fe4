package dev.switchboard.prompt;

import dev.switchboard.prompts.BundledPrompts;
import dev.switchboard.prompts.PromptYaml;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the store in step with the bundled library at every start: a bundled template not yet stored
 * becomes a shared template with version 1 published; one whose file changed since its last import gets
 * a new published version; an unchanged one gets nothing (so restarts create nothing). Content is
 * compared by the fingerprint of its canonical YAML, so reformatting a file is no change. A key already
 * used by someone's own template is left alone. Nodes starting together take turns (advisory lock).
 */
@Component
@Order(100) // before the bundled workflows, which use these templates
class BundledLibraryImport implements ApplicationRunner {

    static final String AUTHOR = "bundled-library";
    private static final Logger log = LoggerFactory.getLogger(BundledLibraryImport.class);

    private final PromptRepository prompts;
    private final TransactionTemplate transactions;
    private final Clock clock;

    BundledLibraryImport(PromptRepository prompts, TransactionTemplate transactions, Clock clock) {
        this.prompts = prompts;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        int created = importAll();
        log.info("Bundled prompt library: {} new version(s) imported", created);
    }

    /** @return how many versions were created */
    int importAll() {
        Integer created = transactions.execute(status -> {
            prompts.lockLibrary();
            int count = 0;
            for (BundledPrompts.Bundled bundled : BundledPrompts.all()) {
                count += importOne(bundled) ? 1 : 0;
            }
            return count;
        });
        return created == null ? 0 : created;
    }

    private boolean importOne(BundledPrompts.Bundled bundled) {
        String yaml = PromptYaml.write(bundled.template());
        String fingerprint = Fingerprints.of(yaml);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var existing = prompts.findTemplateByKey(bundled.template().key());
        PromptId id;
        int number;
        if (existing.isEmpty()) {
            id = new PromptId(UUID.randomUUID());
            prompts.insertTemplate(new PromptRepository.TemplateRow(
                    id, bundled.template().key(), null, PromptSource.BUNDLED, AUTHOR, now, null));
            number = 1;
        } else if (existing.get().source() != PromptSource.BUNDLED) {
            log.warn(
                    "Bundled prompt '{}' not imported: the key belongs to a template of its own",
                    bundled.template().key());
            return false;
        } else {
            id = existing.get().id();
            if (prompts.lastFingerprintBy(id, AUTHOR)
                    .filter(fingerprint::equals)
                    .isPresent()) {
                return false;
            }
            number = prompts.nextNumber(id);
        }
        prompts.insertVersion(
                new PromptVersion(
                        id, number, VersionStatus.PUBLISHED, bundled.template(), yaml, null, AUTHOR, now, AUTHOR, now),
                fingerprint);
        return true;
    }
}
