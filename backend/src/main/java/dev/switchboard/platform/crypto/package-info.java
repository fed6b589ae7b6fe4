/**
 * Secrets at rest: {@link dev.switchboard.platform.crypto.SecretBox} seals provider keys and other
 * credentials with AES-256-GCM before they reach the database. Exposed to every feature as the
 * {@code crypto} named interface of the platform module.
 */
@org.springframework.modulith.NamedInterface("crypto")
package dev.switchboard.platform.crypto;
