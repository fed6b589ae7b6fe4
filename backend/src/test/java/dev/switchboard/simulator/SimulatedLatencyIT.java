package dev.switchboard.simulator;

import static dev.switchboard.simulator.SimHttp.OPENAI_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testsupport.IntegrationTest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With latency on (the default), a stream is paced: tokens arrive one by one, spread out, not as one
 * burst. Only loose bounds: a sleeping server cannot send sooner than it slept.
 */
@IntegrationTest
class SimulatedLatencyIT {

    @LocalServerPort
    int port;

    @Autowired
    SimulatedProviders providers;

    @Test
    void a_stream_arrives_in_many_separate_pieces_no_sooner_than_its_latencies_allow() throws Exception {
        var body = new LinkedHashMap<>(SimulatedOpenAiIT.chat("m", "Outline the rollout plan"));
        body.put("stream", true);
        var request = new SimHttp(port)
                .request("/simulated/sim-mid/v1/chat/completions", body, OPENAI_KEY)
                .build();
        var arrivals = new ArrayList<String>();
        var finished = new CompletableFuture<Void>();

        long sent = System.nanoTime();
        var response = SimHttp.client().send(request, HttpResponse.BodyHandlers.ofPublisher());
        response.body().subscribe(new Flow.Subscriber<List<ByteBuffer>>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(List<ByteBuffer> buffers) {
                StringBuilder piece = new StringBuilder();
                buffers.forEach(b -> piece.append(StandardCharsets.UTF_8.decode(b)));
                if (!piece.isEmpty()) {
                    arrivals.add(piece.toString());
                }
            }

            @Override
            public void onError(Throwable throwable) {
                finished.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                finished.complete(null);
            }
        });
        finished.get();
        long elapsed = System.nanoTime() - sent;

        String whole = String.join("", arrivals);
        int tokens = (int) whole.lines()
                .filter(l -> l.contains("\"content\":\"") && !l.contains("\"content\":\"\""))
                .count();
        SimulatedProvider mid = providers.find("sim-mid").orElseThrow();
        assertThat(whole).endsWith("data: [DONE]\n\n");
        assertThat(tokens).isGreaterThan(10);
        assertThat(arrivals).as("tokens arrive separately, not in one burst").hasSizeGreaterThan(5);
        Duration leastPossible =
                mid.firstTokenLatency().plus(mid.interTokenDelay().multipliedBy(tokens - 1));
        assertThat(Duration.ofNanos(elapsed)).isGreaterThanOrEqualTo(leastPossible);
    }
}
