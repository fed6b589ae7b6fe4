/**
 * The Vaadin Flow web UI: the app shell, browser security, the main layout and one sub-package per
 * feature. Views stay thin: they call the backend's facade services and never touch repositories.
 */
package dev.switchboard.ui;
