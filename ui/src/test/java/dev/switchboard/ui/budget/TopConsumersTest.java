package dev.switchboard.ui.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.chargeback.StatementLine;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TopConsumersTest {

    static final UUID KEY = UUID.randomUUID();

    private static StatementLine line(UUID key, String model, String provider, long calls, long retail) {
        return new StatementLine(null, null, model, provider, key, "USD", calls, 10, 0, 5, retail / 2, retail);
    }

    @Test
    void lines_of_one_consumer_add_up_across_providers_and_the_largest_comes_first() {
        List<TopConsumers.Consumer> top = TopConsumers.of(
                List.of(line(KEY, "gpt", "a", 1, 100), line(null, "gpt", "a", 5, 150), line(KEY, "gpt", "b", 2, 100)),
                10);

        assertThat(top).hasSize(2);
        assertThat(top.getFirst().apiKeyId()).isEqualTo(KEY);
        assertThat(top.getFirst().calls()).isEqualTo(3);
        assertThat(top.getFirst().retailMicros()).isEqualTo(200);
        assertThat(top.getFirst().tokens()).isEqualTo(30);
        assertThat(top.get(1).apiKeyId()).isNull();
    }

    @Test
    void only_the_top_ones_are_kept() {
        List<StatementLine> lines = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            lines.add(line(UUID.randomUUID(), "m", "p", 1, i));
        }

        List<TopConsumers.Consumer> top = TopConsumers.of(lines, TopConsumers.TOP);

        assertThat(top)
                .extracting(TopConsumers.Consumer::retailMicros)
                .containsExactly(12L, 11L, 10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L);
    }
}
