/**
 * Prompt views: the template library with search and tags, the editor with its variables panel and
 * live validation, the side-by-side playground, the version history with diffs and the test-case runs.
 * They call the backend's facades ({@code PromptLibrary}, {@code PromptPlayground}), which check every
 * permission again; the views only keep from offering what would be refused.
 */
package dev.switchboard.ui.prompt;
