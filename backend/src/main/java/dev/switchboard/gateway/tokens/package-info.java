/**
 * The gateway's tokenizer ({@link dev.switchboard.gateway.tokens.TokenCounter}), exposed to other
 * features as the {@code tokens} named interface so that estimates elsewhere (the prompt playground)
 * count exactly as the gateway does.
 */
@org.springframework.modulith.NamedInterface("tokens")
package dev.switchboard.gateway.tokens;
