package dev.switchboard.prompts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The prompt library that ships with Switchboard: YAML files under {@code prompts/} on the class path,
 * imported into the store at start-up. Each is a real, ready-to-use template.
 */
public final class BundledPrompts {

    /** The files, in the order the library lists them. */
    static final List<String> FILES = List.of(
            "product-description.yaml",
            "ad-copy-variants.yaml",
            "social-posts.yaml",
            "short-video-script.yaml",
            "support-reply-draft.yaml",
            "invoice-fields.yaml",
            "classify-text.yaml",
            "summarize.yaml",
            "translate-zh-en.yaml");

    /** A bundled template and the exact YAML it was read from (its fingerprint is the YAML's). */
    public record Bundled(String file, String yaml, PromptTemplate template) {}

    private BundledPrompts() {}

    /** @throws IllegalStateException if a bundled file is broken (a build that ships one is a bug) */
    public static List<Bundled> all() {
        return FILES.stream()
                .map(file -> {
                    String yaml = resource("prompts/" + file);
                    try {
                        return new Bundled(file, yaml, PromptYaml.read(yaml));
                    } catch (PromptException e) {
                        throw new IllegalStateException("bundled prompt " + file + " is broken: " + e.getMessage(), e);
                    }
                })
                .toList();
    }

    private static String resource(String path) {
        try (InputStream in = BundledPrompts.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("bundled prompt " + path + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
