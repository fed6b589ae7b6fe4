package dev.switchboard.gateway.web;

import dev.switchboard.gateway.BudgetLeft;
import dev.switchboard.gateway.CallReceipt;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.StreamSink;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a streamed chat completion as OpenAI server-sent events: {@code data: <chunk>} per chunk, the
 * usage chunk when the client asked for it, a comment line with the settled charge, then {@code data:
 * [DONE]}. Headers name the provider when the first chunk arrives; the cost, unknown until the end,
 * travels in the {@code : x-switchboard-cost} comment (clients ignore comments).
 */
class SseStreamSink implements StreamSink {

    private final HttpServletResponse response;
    private final JsonMapper json;
    private OutputStream out;

    SseStreamSink(HttpServletResponse response, JsonMapper json) {
        this.response = response;
        this.json = json;
    }

    @Override
    public void begin(String requestId, String providerId, String model) throws IOException {
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        GatewayResponses.identity(response, requestId, providerId, model);
        out = response.getOutputStream();
    }

    @Override
    public void begin(String requestId, String providerId, String model, BudgetLeft budget) throws IOException {
        begin(requestId, providerId, model);
        GatewayResponses.budget(response, budget); // nothing is written yet: headers still go out
    }

    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.UTF_8);
    private static final byte[] END_OF_EVENT = "\n\n".getBytes(StandardCharsets.UTF_8);

    /** The hot path of a stream: the chunk's JSON bytes go out as they are, no String in between. */
    @Override
    public void chunk(ObjectNode openAiChunk) throws IOException {
        out.write(DATA);
        out.write(json.writeValueAsBytes(openAiChunk));
        out.write(END_OF_EVENT);
    }

    @Override
    public void complete(CallReceipt receipt, ObjectNode usageChunk) throws IOException {
        if (usageChunk != null) {
            data(json.writeValueAsString(usageChunk));
        }
        write(": " + GatewayResponses.COST + " " + receipt.retail().toDecimal().toPlainString() + " "
                + receipt.retail().currency().getCurrencyCode() + "\n\n");
        data("[DONE]");
        out.flush();
    }

    @Override
    public void fail(CallReceipt receipt, GatewayException error) throws IOException {
        data(json.writeValueAsString(GatewayResponses.openAiError(error)));
        out.flush();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    private void data(String payload) throws IOException {
        write("data: " + payload + "\n\n");
    }

    private void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
