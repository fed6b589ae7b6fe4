/**
 * Workflow views: the library with search, new and import; the editor with its JSON checked as it is
 * typed, a read-only drawing of the graph and the version history; the run form made from a workflow's
 * typed inputs; the runs list and a run's live monitor; and the approvals inbox. They call the
 * workflows module's facades ({@code WorkflowStore}, {@code WorkflowRuns}), which check every permission
 * again; the views only keep from offering what would be refused.
 */
package dev.switchboard.ui.workflow;
