package dev.switchboard.prompt;

/** A version is a draft (editable, at most one per template) or published (immutable, usable by workflows). */
public enum VersionStatus {
    DRAFT,
    PUBLISHED
}
