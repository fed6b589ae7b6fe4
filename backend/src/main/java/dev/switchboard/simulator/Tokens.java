package dev.switchboard.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic stand-in for a BPE tokenizer: words and numbers become pieces of at most four
 * characters (the first carrying the whitespace before it), every other character is a piece of its
 * own. English text comes out near the familiar "about four characters per token", and the pieces
 * concatenate back to the exact input, so streamed deltas add up to the non-streamed text.
 */
final class Tokens {

    private static final int MAX_PIECE = 4;

    private Tokens() {}

    /** The pieces of {@code text}, in order; joined they give {@code text} back. */
    static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        scan(text, (start, end) -> pieces.add(text.substring(start, end)));
        return pieces;
    }

    /** How many pieces {@link #pieces} would return, without building them. */
    static int count(String text) {
        int[] count = {0};
        scan(text, (start, end) -> count[0]++);
        return count[0];
    }

    private interface PieceSink {
        void piece(int start, int end);
    }

    private static void scan(String text, PieceSink sink) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            int start = i;
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i == n) {
                sink.piece(start, n);
                return;
            }
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp) || Character.isDigit(cp)) {
                boolean letters = Character.isLetter(cp);
                int wordStart = i;
                while (i < n) {
                    int c = text.codePointAt(i);
                    if (letters ? !Character.isLetter(c) : !Character.isDigit(c)) {
                        break;
                    }
                    i += Character.charCount(c);
                }
                int pieceStart = start;
                int cut = Math.min(i, wordStart + MAX_PIECE);
                while (true) {
                    cut = avoidSplittingSurrogates(text, cut);
                    sink.piece(pieceStart, cut);
                    if (cut >= i) {
                        break;
                    }
                    pieceStart = cut;
                    cut = Math.min(i, cut + MAX_PIECE);
                }
            } else {
                i += Character.charCount(cp);
                sink.piece(start, i);
            }
        }
    }

    private static int avoidSplittingSurrogates(String text, int cut) {
        return cut < text.length() && Character.isLowSurrogate(text.charAt(cut)) ? cut + 1 : cut;
    }
}
