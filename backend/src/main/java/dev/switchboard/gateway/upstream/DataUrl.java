package dev.switchboard.gateway.upstream;

import java.util.Optional;

/**
 * A base64 {@code data:} URL as OpenAI clients send inline images: {@code data:image/png;base64,iVBOR...}.
 *
 * @param mediaType the MIME type, e.g. {@code image/png}
 * @param base64 the payload, still base64-encoded
 */
record DataUrl(String mediaType, String base64) {

    static Optional<DataUrl> parse(String url) {
        if (url == null || !url.startsWith("data:")) {
            return Optional.empty();
        }
        int comma = url.indexOf(',');
        if (comma < 0) {
            return Optional.empty();
        }
        String meta = url.substring("data:".length(), comma);
        if (!meta.endsWith(";base64")) {
            return Optional.empty();
        }
        String mediaType = meta.substring(0, meta.length() - ";base64".length());
        return Optional.of(
                new DataUrl(mediaType.isEmpty() ? "application/octet-stream" : mediaType, url.substring(comma + 1)));
    }
}
