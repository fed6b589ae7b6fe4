package dev.switchboard.notify;

/** How urgent a notification is. */
public enum Severity {
    INFO,
    WARNING,
    CRITICAL
}
