package dev.switchboard.prompts;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Regular expressions written by users run on model output: a pattern with catastrophic backtracking
 * must not hold a thread for minutes. The matcher reads the text through a counter and gives up after
 * {@link #MAX_READS} character reads.
 */
final class BoundedRegex {

    static final long MAX_READS = 5_000_000;

    private BoundedRegex() {}

    /** Whether part of {@code text} matches; empty when the search was abandoned. */
    static Optional<Boolean> find(String pattern, String text) {
        try {
            return Optional.of(
                    Pattern.compile(pattern).matcher(new Counted(text)).find());
        } catch (TooLong e) {
            return Optional.empty();
        }
    }

    private static final class TooLong extends RuntimeException {
        TooLong() {
            super(null, null, false, false);
        }
    }

    private static final class Counted implements CharSequence {
        private final String text;
        private final long[] reads;

        Counted(String text) {
            this(text, new long[1]);
        }

        private Counted(String text, long[] reads) {
            this.text = text;
            this.reads = reads;
        }

        @Override
        public char charAt(int index) {
            if (++reads[0] > MAX_READS) {
                throw new TooLong();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Counted(text.substring(start, end), reads);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
