package dev.switchboard.ledger;

import java.time.LocalDate;

/** One day's usage (in the time zone asked for) in one currency: the points of a spend chart. */
public record DailySpend(LocalDate day, String currency, long calls, long wholesaleMicros, long retailMicros) {}
