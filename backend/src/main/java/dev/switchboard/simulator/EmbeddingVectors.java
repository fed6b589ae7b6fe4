package dev.switchboard.simulator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic unit vectors for simulated embeddings, by feature hashing: every word (and every
 * pair of neighbouring words) adds a signed weight to a few hashed dimensions. Texts sharing words
 * point in similar directions, so retrieval over simulated embeddings ranks plausibly; the same
 * text always gives the same vector.
 */
final class EmbeddingVectors {

    private static final int SLOTS_PER_FEATURE = 3;

    private EmbeddingVectors() {}

    static float[] of(String text, int dimensions, long seed) {
        double[] vector = new double[dimensions];
        List<String> words = ReplyText.words(text);
        for (int i = 0; i < words.size(); i++) {
            add(vector, Seeds.of(seed, words.get(i)), 1.0);
            if (i > 0) {
                add(vector, Seeds.of(seed, words.get(i - 1), words.get(i)), 0.5);
            }
        }
        if (words.isEmpty()) {
            // no words (punctuation, empty input): still a stable, well-defined direction
            var random = new SplittableRandom(Seeds.of(seed, "text", text));
            for (int d = 0; d < dimensions; d++) {
                vector[d] = random.nextDouble(-1.0, 1.0);
            }
        }
        return normalised(vector);
    }

    private static void add(double[] vector, long featureHash, double weight) {
        var random = new SplittableRandom(featureHash);
        for (int s = 0; s < SLOTS_PER_FEATURE; s++) {
            int slot = random.nextInt(vector.length);
            vector[slot] += random.nextBoolean() ? weight : -weight;
        }
    }

    private static float[] normalised(double[] vector) {
        double norm = 0;
        for (double v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        float[] unit = new float[vector.length];
        if (norm == 0) {
            // features cancelled out exactly; any fixed unit vector will do
            unit[0] = 1f;
            return unit;
        }
        for (int d = 0; d < vector.length; d++) {
            unit[d] = (float) (vector[d] / norm);
        }
        return unit;
    }
}
