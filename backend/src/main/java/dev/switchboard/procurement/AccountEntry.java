package dev.switchboard.procurement;

import dev.switchboard.catalog.ProviderId;
import dev.switchboard.platform.Money;
import java.time.Instant;

/**
 * One recorded change of a provider account; entries are never changed or deleted (a mistake is
 * corrected by an {@link EntryKind#ADJUSTMENT}).
 *
 * @param reference the invoice, payment or ticket number the entry rests on
 * @param note free text, may be {@code null}
 */
public record AccountEntry(
        long id,
        ProviderId providerId,
        EntryKind kind,
        Money amount,
        String reference,
        String note,
        String recordedBy,
        Instant recordedAt) {}
