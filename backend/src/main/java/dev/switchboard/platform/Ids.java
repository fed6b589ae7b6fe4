package dev.switchboard.platform;

import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random identifiers for the per-call hot path (request ids, reservation ids). They must be unique,
 * not secret: nobody gains anything by guessing one (every read behind an id is authorised). So they
 * come from the thread's own generator instead of {@link UUID#randomUUID()}, whose SecureRandom reads
 * the kernel's pool under a lock shared by every thread. 122 random bits, like a version-4 UUID.
 */
public final class Ids {

    private static final HexFormat HEX = HexFormat.of();

    private Ids() {}

    /** A version-4 (random) UUID. */
    public static UUID randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // IETF variant
        return new UUID(high, low);
    }

    /** {@code prefix} and 32 hex digits, e.g. {@code req_3f2a...}. */
    public static String prefixed(String prefix) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return prefix + HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
    }
}
