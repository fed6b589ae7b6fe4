package dev.switchboard.simulator;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes a simulated answer to the servlet response the way a real upstream sends it: a JSON body
 * after the time the model would take, or a stream whose first token waits for the first-token
 * latency and every further one for the inter-token delay, flushed event by event. It also plays the
 * {@code cut} and {@code malformed} faults. A client that goes away ends the generation.
 *
 * <p>A cut declares the full {@code Content-Length} and {@code Connection: close}, sends part of the
 * body and returns: the server closes the connection and the client hits the end of the stream
 * before the declared length, the same thing it sees when an upstream dies mid-answer.
 */
@Component
@ConditionalOnSimulator
class ResponsePlayer {

    private static final Logger log = LoggerFactory.getLogger(ResponsePlayer.class);
    private static final String JSON = "application/json";

    private final Pacer pacer;

    ResponsePlayer(Pacer pacer) {
        this.pacer = pacer;
    }

    /** An answer without simulated work: errors, model lists. */
    void json(HttpServletResponse response, int status, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType(JSON);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** A non-streamed answer of {@code outputTokens} generated tokens. */
    void body(HttpServletResponse response, SimulatedProvider provider, FaultPlan plan, int outputTokens, byte[] body)
            throws IOException {
        Duration work = provider.firstTokenLatency()
                .plus(provider.interTokenDelay().multipliedBy(Math.max(0, outputTokens - 1)));
        if (!pacer.pause(work)) {
            return;
        }
        byte[] sent = plan.is(Fault.MALFORMED) ? malformed(body) : body;
        response.setStatus(200);
        response.setContentType(JSON);
        response.setContentLength(sent.length);
        if (plan.is(Fault.CUT)) {
            response.setHeader("Connection", "close");
            write(response, sent, sent.length / 2);
            return;
        }
        write(response, sent, sent.length);
    }

    /** A stream of server-sent events, paced per token. */
    void stream(HttpServletResponse response, SimulatedProvider provider, FaultPlan plan, List<SseEvent> events)
            throws IOException {
        List<SseEvent> played = plan.is(Fault.MALFORMED) ? corruptOne(events) : events;
        List<byte[]> encoded = new ArrayList<>(played.size());
        long total = 0;
        for (SseEvent event : played) {
            byte[] bytes = event.text().getBytes(StandardCharsets.UTF_8);
            encoded.add(bytes);
            total += bytes.length;
        }
        response.setStatus(200);
        response.setContentType("text/event-stream;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        int end = played.size();
        if (plan.is(Fault.CUT)) {
            end = cutIndex(played, plan.cutAfterTokens());
            response.setContentLengthLong(total);
            response.setHeader("Connection", "close");
        }
        try {
            OutputStream out = response.getOutputStream();
            int tokens = 0;
            for (int i = 0; i < end; i++) {
                if (played.get(i).token()) {
                    Duration wait = tokens == 0 ? provider.firstTokenLatency() : provider.interTokenDelay();
                    if (!pacer.pause(wait)) {
                        return;
                    }
                    tokens++;
                }
                out.write(encoded.get(i));
                out.flush();
            }
        } catch (IOException clientGone) {
            // the caller disconnected: stop generating, as an upstream does
            log.debug("simulated stream of {} ended early: {}", provider.id(), clientGone.toString());
        }
    }

    /** Events before the token after {@code afterTokens}; never the closing events. */
    static int cutIndex(List<SseEvent> events, int afterTokens) {
        int tokens = 0;
        int afterLastToken = 0;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).token()) {
                if (tokens == afterTokens) {
                    return i;
                }
                tokens++;
                afterLastToken = i + 1;
            }
        }
        return tokens == 0 ? Math.min(1, events.size()) : afterLastToken;
    }

    private static List<SseEvent> corruptOne(List<SseEvent> events) {
        List<SseEvent> corrupted = new ArrayList<>(events);
        int tokens = 0;
        for (int i = 0; i < corrupted.size(); i++) {
            if (corrupted.get(i).token() && ++tokens == 2 || i == corrupted.size() - 2) {
                corrupted.set(i, corrupted.get(i).corrupted());
                return corrupted;
            }
        }
        return corrupted;
    }

    private static byte[] malformed(byte[] body) {
        String half = new String(body, 0, body.length / 2, StandardCharsets.UTF_8);
        return (half + "<html><body>502 Bad Gateway</body></html>").getBytes(StandardCharsets.UTF_8);
    }

    private static void write(HttpServletResponse response, byte[] body, int length) throws IOException {
        try {
            OutputStream out = response.getOutputStream();
            out.write(body, 0, length);
            out.flush();
        } catch (IOException clientGone) {
            log.debug("simulated answer not delivered: {}", clientGone.toString());
        }
    }
}
