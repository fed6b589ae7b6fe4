package dev.switchboard.connectors.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A response body read up to a limit: what was read, and whether more was on its way. Reading stops at
 * the limit (the caller cuts the rest off), so a huge or endless response costs at most the limit in
 * memory.
 */
record BoundedBody(byte[] bytes, boolean truncated) {

    /** Thrown when the body was still arriving at the deadline. */
    static final class LateException extends IOException {
        LateException() {
            super("the body was still arriving at the deadline");
        }
    }

    /**
     * Reads {@code in} to its end or to {@code limit} bytes, whichever comes first, giving up at the first
     * read that ends past {@code deadline} ({@link System#nanoTime}): each read waits at most the socket
     * timeout, and a body that trickles in does not get to stretch the call.
     */
    static BoundedBody read(InputStream in, long limit, long deadline) throws IOException {
        byte[] buffer = new byte[(int) Math.min(limit + 1, 8192)];
        int size = 0;
        while (true) {
            if (size == buffer.length) {
                if (size > limit) {
                    return new BoundedBody(Arrays.copyOf(buffer, (int) limit), true);
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min(limit + 1, (long) buffer.length * 2));
            }
            int read = in.read(buffer, size, buffer.length - size);
            if (read < 0) {
                return new BoundedBody(Arrays.copyOf(buffer, size), false);
            }
            size += read;
            if (System.nanoTime() - deadline > 0) {
                throw new LateException();
            }
        }
    }
}
