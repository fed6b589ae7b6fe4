package dev.switchboard.prompts;

import static dev.switchboard.prompts.Templates.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every bundled template parses, checks clean and renders with realistic values. */
class BundledPromptsTest {

    final PromptRenderer renderer = new PromptRenderer();

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of(
                        "product-description",
                        values(
                                "product_name",
                                "\"Trailhead 750 bottle\"",
                                "features",
                                "[\"double-walled steel\",\"keeps drinks cold for 24 h\",\"750 ml\"]",
                                "tone",
                                "\"premium\""),
                        List.of(
                                "premium product description of about 120 words",
                                "- keeps drinks cold for 24 h",
                                "Write in English")),
                Arguments.of(
                        "ad-copy-variants",
                        values(
                                "product",
                                "\"A budgeting app for families\"",
                                "offer",
                                "\"first month free\"",
                                "must_include",
                                "[\"Terms apply\"]"),
                        List.of(
                                "Write 3 ad variants for the social feed channel",
                                "Offer: first month free",
                                "Terms apply")),
                Arguments.of(
                        "social-posts",
                        values(
                                "announcement",
                                "\"We opened a support centre in Chengdu\"",
                                "link",
                                "\"https://example.com/chengdu\""),
                        List.of(
                                "Platforms: LinkedIn, X, Instagram, WeChat",
                                "Link to include: https://example.com/chengdu")),
                Arguments.of(
                        "short-video-script",
                        values(
                                "topic",
                                "\"How to brew green tea\"",
                                "key_points",
                                "[\"80 °C water\",\"2 minutes\"]",
                                "platform",
                                "\"TikTok\""),
                        List.of("Platform: TikTok, about 30 seconds.", "1. 80 °C water", "2. 2 minutes")),
                Arguments.of(
                        "support-reply-draft",
                        values(
                                "customer_message",
                                "\"My parcel has not arrived.\"",
                                "customer_name",
                                "\"Ms Zhang\"",
                                "order",
                                "{\"id\":\"A-1001\",\"status\":\"shipped\"}",
                                "facts",
                                "[\"Parcels arrive within 5 working days.\"]"),
                        List.of(
                                "Customer (Ms Zhang) wrote:",
                                "\"id\":\"A-1001\"",
                                "- Parcels arrive within 5 working days.",
                                "signed by The support team")),
                Arguments.of(
                        "invoice-fields",
                        values("invoice_text", "\"INVOICE No. 2026-0042\\nTotal: 1,280.00\""),
                        List.of("INVOICE No. 2026-0042", "use CNY")),
                Arguments.of(
                        "classify-text",
                        values("text", "\"I cannot log in since yesterday.\""),
                        List.of("I cannot log in since yesterday.")),
                Arguments.of(
                        "summarize",
                        values(
                                "document",
                                "\"Q3 revenue rose 12%. Li Na owns the EU launch, due 1 March.\"",
                                "form",
                                "\"action items\""),
                        List.of(
                                "as action items in at most 150 words",
                                "with its owner and due date",
                                "Q3 revenue rose 12%")),
                Arguments.of(
                        "translate-zh-en",
                        values("text", "\"交换机平台让每个部门都有预算。\"", "glossary", "{\"交换机\":\"Switchboard\"}"),
                        List.of("交换机平台让每个部门都有预算。", "- 交换机 → Switchboard", "into natural English")));
    }

    @Test
    void the_library_lists_every_file_in_the_prompts_folder() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/prompts"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .isEqualTo(BundledPrompts.FILES.stream().sorted().toList());
        }
    }

    @Test
    void every_bundled_template_reads_and_checks_clean_and_its_key_is_its_file_name() {
        List<BundledPrompts.Bundled> all = BundledPrompts.all();

        assertThat(all).hasSize(9);
        assertThat(all).allSatisfy(b -> {
            assertThat(renderer.check(b.template())).as(b.file()).isEmpty();
            assertThat(b.file()).isEqualTo(b.template().key() + ".yaml");
            assertThat(b.template().description()).as(b.file()).isNotBlank();
        });
    }

    @ParameterizedTest
    @MethodSource("samples")
    void a_bundled_template_renders_with_sample_values(
            String key, Map<String, JsonNode> sample, List<String> expected) {
        PromptTemplate template = BundledPrompts.all().stream()
                .filter(b -> b.template().key().equals(key))
                .findFirst()
                .orElseThrow()
                .template();

        RenderedPrompt rendered = renderer.render(template, sample);

        String all = String.join(
                "\n",
                rendered.messages().stream()
                        .map(RenderedPrompt.Message::content)
                        .toList());
        assertThat(all).contains(expected);
        assertThat(all).doesNotContain("{{").doesNotContain("{%");
    }

    @Test
    void json_templates_carry_their_schema_into_the_chat_request() {
        PromptTemplate invoice = BundledPrompts.all().stream()
                .filter(b -> b.template().key().equals("invoice-fields"))
                .findFirst()
                .orElseThrow()
                .template();

        var request = renderer.render(invoice, values("invoice_text", "\"x\"")).chatRequest(null);

        assertThat(request.path("model").asString()).isEqualTo("tier:economy");
        assertThat(request.path("response_format").path("type").asString()).isEqualTo("json_schema");
        assertThat(request.path("response_format")
                        .path("json_schema")
                        .path("schema")
                        .path("required")
                        .toString())
                .contains("invoice_number");
    }
}
