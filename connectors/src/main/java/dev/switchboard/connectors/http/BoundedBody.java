package dev.switchboard.connectors.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read up to a limit: what was read, and whether more was on its way. Reading stops at
 * the limit and cancels the rest, so a huge or endless response costs at most the limit in memory.
 */
record BoundedBody(byte[] bytes, boolean truncated) {

    static HttpResponse.BodyHandler<BoundedBody> handler(long limit) {
        return info -> new Subscriber(limit);
    }

    private static final class Subscriber implements HttpResponse.BodySubscriber<BoundedBody> {

        private final long limit;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CompletableFuture<BoundedBody> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Subscriber(long limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<BoundedBody> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return; // cancelled at the limit; late buffers are dropped
            }
            for (ByteBuffer buffer : buffers) {
                int room = (int) Math.min(limit - out.size(), Integer.MAX_VALUE);
                int take = Math.min(room, buffer.remaining());
                byte[] chunk = new byte[take];
                buffer.get(chunk);
                out.writeBytes(chunk);
                if (buffer.hasRemaining()) {
                    subscription.cancel();
                    result.complete(new BoundedBody(out.toByteArray(), true));
                    return;
                }
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(new BoundedBody(out.toByteArray(), false));
        }
    }
}
