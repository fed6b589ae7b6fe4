package dev.switchboard.ui.shell;

import java.util.Arrays;
import java.util.Optional;

/**
 * The product areas that have a place in the navigation but are not built yet. Each leads to one
 * honest placeholder page instead of a screen that pretends to work.
 */
enum Area {
    KNOWLEDGE("knowledge", "Knowledge", "Knowledge bases that ground answers in your own documents."),
    BATCH_JOBS("batch-jobs", "Batch jobs", "Large jobs that fan out over many items with bounded concurrency.");

    private final String slug;
    private final String title;
    private final String purpose;

    Area(String slug, String title, String purpose) {
        this.slug = slug;
        this.title = title;
        this.purpose = purpose;
    }

    String slug() {
        return slug;
    }

    String title() {
        return title;
    }

    String purpose() {
        return purpose;
    }

    /** The route of the area's placeholder, e.g. {@code area/batch-jobs}. */
    String path() {
        return ComingSoonView.ROUTE + "/" + slug;
    }

    static Optional<Area> bySlug(String slug) {
        return Arrays.stream(values()).filter(a -> a.slug.equals(slug)).findFirst();
    }
}
