package dev.switchboard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void random_uuids_are_version_4_ietf_variant_and_distinct() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            UUID id = Ids.randomUuid();
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(UUID.fromString(id.toString())).isEqualTo(id);
            seen.add(id);
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void prefixed_ids_have_the_prefix_and_32_hex_digits_even_with_leading_zeros() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = Ids.prefixed("req_");
            assertThat(id).matches("req_[0-9a-f]{32}");
            seen.add(id);
        }
        assertThat(seen).hasSize(10_000);
    }
}
