package dev.switchboard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResponsePlayerTest {

    private static final List<SseEvent> STREAM = List.of(
            SseEvent.data("{\"role\":\"assistant\"}", false),
            SseEvent.data("{\"t\":1}", true),
            SseEvent.data("{\"t\":2}", true),
            SseEvent.data("{\"t\":3}", true),
            SseEvent.data("{\"finish\":\"stop\"}", false),
            SseEvent.data("[DONE]", false));

    @Test
    void a_cut_sends_the_opening_and_the_asked_number_of_tokens() {
        assertThat(ResponsePlayer.cutIndex(STREAM, 0)).isEqualTo(1);
        assertThat(ResponsePlayer.cutIndex(STREAM, 2)).isEqualTo(3);
    }

    @Test
    void a_cut_after_more_tokens_than_there_are_still_withholds_the_closing_events() {
        assertThat(ResponsePlayer.cutIndex(STREAM, 10)).isEqualTo(4);
    }

    @Test
    void a_corrupted_event_is_no_longer_json() {
        var corrupted = SseEvent.data("{\"choices\":[{\"delta\":{\"content\":\"Hello\"}}]}", true)
                .corrupted();

        assertThat(corrupted.text()).startsWith("data: {").endsWith("\n\n").doesNotContain("}]}");
    }
}
