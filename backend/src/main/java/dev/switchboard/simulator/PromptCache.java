package dev.switchboard.simulator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Simulated prompt caching, per provider: a prompt whose prefix (in blocks of {@value #BLOCK}
 * characters) was sent to the same provider before reports that prefix as cached, like OpenAI's
 * automatic caching and Anthropic's cache reads. Bounded: the least recently seen prefixes are
 * forgotten first, as a real cache evicts.
 */
@Component
@ConditionalOnSimulator
class PromptCache {

    static final int BLOCK = 1024;
    private static final int MAX_ENTRIES = 50_000;

    /**
     * @param cachedChars length of the longest prefix found in the cache (a multiple of {@value
     *     #BLOCK}, 0 for a miss)
     * @param cacheableChars length of the longest prefix that can be cached (now remembered)
     */
    record Hit(int cachedChars, int cacheableChars) {}

    private record Key(String providerId, long prefixHash, int length) {}

    private final Map<Key, Boolean> seen = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Boolean> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /** Looks the prompt's prefixes up and remembers them for the next call. */
    Hit remember(String providerId, String prompt) {
        int blocks = prompt.length() / BLOCK;
        if (blocks == 0) {
            return new Hit(0, 0);
        }
        Key[] keys = new Key[blocks];
        MessageDigest digest = Seeds.sha256();
        for (int b = 0; b < blocks; b++) {
            digest.update(prompt.substring(b * BLOCK, (b + 1) * BLOCK).getBytes(StandardCharsets.UTF_8));
            long hash = ByteBuffer.wrap(cloneOf(digest).digest()).getLong();
            keys[b] = new Key(providerId, hash, (b + 1) * BLOCK);
        }
        int cached = 0;
        synchronized (seen) {
            for (Key key : keys) {
                if (seen.get(key) == null) {
                    break;
                }
                cached = key.length();
            }
            for (Key key : keys) {
                seen.put(key, Boolean.TRUE);
            }
        }
        return new Hit(cached, blocks * BLOCK);
    }

    private static MessageDigest cloneOf(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests are cloneable in every JDK", e);
        }
    }
}
