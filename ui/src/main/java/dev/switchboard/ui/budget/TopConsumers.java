package dev.switchboard.ui.budget;

import dev.switchboard.chargeback.StatementLine;
import dev.switchboard.org.OrgUnitId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Who spent most of a statement: its lines summed per key, project and model (across providers and
 * late usage), largest retail charge first. A statement line is finer (one per provider); the question
 * "who is eating the budget" is answered per consumer.
 */
final class TopConsumers {

    static final int TOP = 10;

    /**
     * @param apiKeyId {@code null} for the master key and calls from inside the platform
     * @param projectId {@code null} for calls charged to no project
     */
    record Consumer(
            UUID apiKeyId,
            OrgUnitId projectId,
            String model,
            String currency,
            long calls,
            long tokens,
            long retailMicros) {

        private Consumer plus(Consumer o) {
            return new Consumer(
                    apiKeyId,
                    projectId,
                    model,
                    currency,
                    Math.addExact(calls, o.calls),
                    Math.addExact(tokens, o.tokens),
                    Math.addExact(retailMicros, o.retailMicros));
        }
    }

    private record Key(UUID apiKeyId, OrgUnitId projectId, String model, String currency) {}

    private TopConsumers() {}

    /** The {@code limit} largest consumers among {@code lines}, largest retail first. */
    static List<Consumer> of(List<StatementLine> lines, int limit) {
        Map<Key, Consumer> sums = new LinkedHashMap<>();
        for (StatementLine l : lines) {
            Consumer one = new Consumer(
                    l.apiKeyId(),
                    l.projectId(),
                    l.model(),
                    l.currency(),
                    l.calls(),
                    Math.addExact(l.inputTokens(), l.outputTokens()),
                    l.retailMicros());
            sums.merge(new Key(l.apiKeyId(), l.projectId(), l.model(), l.currency()), one, Consumer::plus);
        }
        return sums.values().stream()
                .sorted(Comparator.comparingLong(Consumer::retailMicros)
                        .reversed()
                        .thenComparing(Comparator.comparingLong(Consumer::calls).reversed())
                        .thenComparing(Consumer::model)
                        .thenComparing(c -> Objects.toString(c.apiKeyId(), "")))
                .limit(limit)
                .toList();
    }
}
