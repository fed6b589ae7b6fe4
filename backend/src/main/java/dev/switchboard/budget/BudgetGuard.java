package dev.switchboard.budget;

import dev.switchboard.budget.CounterStore.Target;
import dev.switchboard.ledger.UsageEntry;
import dev.switchboard.ledger.UsageLedger;
import dev.switchboard.org.OrgUnitId;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Budget enforcement on every model call: {@link #reserve} the worst case before going upstream,
 * {@link #settle} the actual charge after (or {@link #release} when there is nothing to charge).
 *
 * <h2>Guarantee</h2>
 * A reservation holds its amount on every budget that applies (the API key's, the org unit's and all
 * its ancestors'), all or nothing. A hard budget refuses a hold when spent + reserved + the hold would
 * exceed its limit, so no sequence of reservations and settlements — on any number of nodes — takes
 * spent above a hard limit as long as each call is settled for at most what it held (the gateway's
 * worst case is an upper bound by construction; a larger charge is still recorded, because the ledger
 * is the truth, and logged). The database is the only arbiter: the counters are rows in PostgreSQL,
 * locked while a transaction decides on them, and the UPDATE that raises {@code reserved} re-checks the
 * limit itself. No node caches a counter.
 *
 * <h2>Batching</h2>
 * One transaction per operation serialises every call of a busy department on its counter row's lock
 * (and on a commit each), which caps such a department at a few hundred calls a second. So each node
 * groups concurrent requests: callers enqueue, and one of them at a time per kind (see {@link Batcher})
 * takes whatever queued meanwhile (up to {@code switchboard.budget.batching.max-size}) and decides it
 * at once:
 * <ul>
 *   <li>reserve: read the budgets that apply (a recursive query up the org tree), lock their current
 *       period counters in key order ({@code FOR NO KEY UPDATE}; new periods are created at zero),
 *       decide each request in arrival order against the locked values, then ONE statement raises
 *       each counter once by the batch's total (a conditional UPDATE that re-checks the hard limit)
 *       and inserts all the holds;
 *   <li>settle/release: ONE statement, committed on its own: inserts the ledger rows ({@code ON
 *       CONFLICT (request_id) DO NOTHING RETURNING}), deletes the holds ({@code RETURNING}: only what
 *       this statement deleted is taken off), locks the counters in key order and moves each once
 *       (spend up, reserved down), and records the thresholds that spend crossed.
 * </ul>
 * Batches grow with load and cost the same few round trips and one commit whatever their size. Nodes
 * still contend on the hot row, but per batch instead of per call. A failing batch is retried on
 * transient errors, then split into single requests. {@code batching.enabled=false} runs every
 * operation as its own transaction on the caller's thread (the benchmark's baseline).
 *
 * <h2>Calls under no budget</h2>
 * Most calls fall under no budget at all. Each node remembers which org units and keys none applies
 * to ({@link Unbudgeted}), so their calls reserve without a round trip, and forgets it all whenever a
 * budget or the org tree changes: at once on the node that made the change, and on every other node
 * when the database notifies it (triggers on those tables; {@link BudgetScopeListener}). Until a node
 * has heard of a new budget, the calls it admits are neither held on it nor charged to it — as with
 * calls already under way when a budget is created — so no limit can be overrun that way: a budget
 * counts the calls admitted after every node learnt of it. A node not listening (starting, or its
 * listening connection lost) remembers nothing and reads the budgets on every reservation.
 *
 * <h2>Expiry</h2>
 * Holds expire after {@code switchboard.budget.reservation-ttl}; a sweeper on every node releases
 * expired ones (each by exactly one sweeper), so a crashed node leaks nothing. A call settled after its
 * hold expired is still charged (spend follows the ledger).
 *
 * <h2>Periods</h2>
 * A hold and its charge count in the period the call was reserved in (the reservation remembers it),
 * so a call spanning midnight of the month's end is charged to the month it started in.
 */
public class BudgetGuard implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BudgetGuard.class);

    private final Engine engine;
    private final Batcher<ReserveBatch.Request, Reservation> reservations;
    private final Batcher<SettleBatch.Request, Boolean> settlements;
    private final ReservationSweeper sweeper;
    private final Unbudgeted unbudgeted = new Unbudgeted();
    private final BudgetScopeListener listener;
    private volatile ExecutorService events;
    private volatile ScheduledExecutorService sweeps;

    /**
     * @param dataSource where the guard listens for budget changes; {@code null}: it does not, and
     *     every reservation reads the budgets that apply
     */
    BudgetGuard(Engine raw, DataSource dataSource) {
        Consumer<BudgetThresholdCrossed> sink = raw.events();
        // subscribers run off the flusher thread: a slow one must not hold up settlements
        this.engine = new Engine(
                raw.store(),
                raw.budgets(),
                raw.ledger(),
                raw.tx(),
                raw.clock(),
                raw.properties(),
                event -> eventThread().execute(() -> deliver(sink, event)));
        AlertPublisher alerts = new AlertPublisher(engine);
        BudgetProperties.Batching batching = engine.properties().batching();
        this.reservations = new Batcher<>("budget-reserve", new ReserveBatch(engine, unbudgeted), batching);
        this.settlements = new Batcher<>("budget-settle", new SettleBatch(engine, alerts), batching);
        this.sweeper = new ReservationSweeper(engine, alerts);
        this.listener = dataSource == null ? null : new BudgetScopeListener(dataSource, unbudgeted);
    }

    /**
     * A guard of its own over {@code dataSource}, as another app instance would run it: for
     * benchmarks and tests (the application uses the Spring bean). Call {@link #start()} first and
     * {@link #stop()} when done.
     *
     * @param events receives crossed thresholds (on a thread of the guard's own)
     */
    public static BudgetGuard standalone(
            DataSource dataSource, Clock clock, BudgetProperties properties, Consumer<BudgetThresholdCrossed> events) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        return new BudgetGuard(
                new Engine(
                        new CounterStore(jdbc),
                        new BudgetRepository(jdbc),
                        UsageLedger.writingThrough(dataSource, clock),
                        new TransactionTemplate(new JdbcTransactionManager(dataSource)),
                        clock,
                        properties,
                        events),
                dataSource);
    }

    /**
     * Holds {@code worstCaseRetailMicros} on every budget that applies to a call charged to {@code
     * orgUnit} (and made with the API key, if any), all or nothing.
     *
     * @param requestId the call's id (the ledger row's idempotency key)
     * @param apiKeyId {@code null} for the master key and internal callers
     * @return the holds, with what is left on each; empty holds when no budget applies
     * @throws BudgetExceededException when a hard budget cannot take it (nothing is held then)
     */
    public Reservation reserve(
            String requestId, OrgUnitId orgUnit, UUID apiKeyId, Currency currency, long worstCaseRetailMicros) {
        if (requestId == null || requestId.isBlank()) {
            throw new IllegalArgumentException("requestId is required");
        }
        Objects.requireNonNull(orgUnit, "orgUnit");
        if (worstCaseRetailMicros < 0) {
            throw new IllegalArgumentException("the worst case must not be negative: " + worstCaseRetailMicros);
        }
        Target target = new Target(orgUnit.value(), apiKeyId);
        Instant at = engine.clock().instant();
        if (unbudgeted.known(target)) {
            // known to fall under no budget: what the batch would decide, without asking the database
            return ReserveBatch.unheld(requestId, currency, worstCaseRetailMicros, at, engine.properties());
        }
        return reservations.submit(new ReserveBatch.Request(requestId, target, currency, worstCaseRetailMicros, at));
    }

    /**
     * A budget or the org tree changed on this node (called once the change committed): the next
     * reservations read which budgets apply instead of trusting what was known. Other nodes hear of it
     * from the database a moment later.
     */
    void scopeChanged() {
        unbudgeted.forget();
    }

    /** Whether this guard is listening for budget changes (and so may skip reading budgets). */
    boolean listening() {
        return unbudgeted.trusted();
    }

    /**
     * Records the call's ledger row and, in the same transaction, charges its retail to every held
     * budget and releases the holds. A failed or cut call settles the same way with its zero or
     * partial charge. Settling the same request again charges nothing.
     *
     * @return true if this call wrote the ledger row (false: it was already there)
     */
    public boolean settle(Reservation reservation, UsageEntry entry) {
        Objects.requireNonNull(entry, "entry");
        if (!entry.requestId().equals(reservation.requestId())) {
            throw new IllegalArgumentException(
                    "entry " + entry.requestId() + " does not belong to the reservation of " + reservation.requestId());
        }
        if (!entry.retail().currency().equals(reservation.amount().currency())) {
            throw new IllegalArgumentException(
                    "the charge is in " + entry.retail().currency() + ", the reservation in "
                            + reservation.amount().currency());
        }
        if (entry.retail().micros() > reservation.amount().micros()
                && !reservation.holds().isEmpty()) {
            log.warn(
                    "call {} charged {} but held only {}: its budgets may end above their limits",
                    entry.requestId(),
                    entry.retail(),
                    reservation.amount());
        }
        return settlements.submit(new SettleBatch.Request(reservation, entry));
    }

    /** Releases every hold of a call that produces no ledger row (again is a no-op). */
    public void release(Reservation reservation) {
        settlements.submit(new SettleBatch.Request(reservation, null));
    }

    /** How much batching is going on: operations and the transactions they took. */
    public Stats stats() {
        return new Stats(
                reservations.requests(), reservations.batches(), settlements.requests(), settlements.batches());
    }

    /** Counts since start; settlements include releases. */
    public record Stats(long reservations, long reserveTransactions, long settlements, long settleTransactions) {}

    /** Releases expired holds now (the scheduler does it every {@code sweep-interval}). */
    int sweep() {
        return sweeper.sweep();
    }

    void republishAlerts() {
        sweeper.republishAlerts();
    }

    private static void deliver(Consumer<BudgetThresholdCrossed> sink, BudgetThresholdCrossed event) {
        try {
            sink.accept(event);
        } catch (RuntimeException e) { // the alert stays un-notified: the sweeper publishes it again
            log.warn("a subscriber failed on {}; the sweeper will publish it again", event, e);
        }
    }

    /** Not synchronized: flushers call it while {@link #stop()} (holding the monitor) waits for them. */
    private ExecutorService eventThread() {
        ExecutorService events = this.events;
        if (events == null) {
            throw new IllegalStateException("the budget guard is stopped");
        }
        return events;
    }

    @Override
    public synchronized void start() {
        if (sweeps != null) {
            return;
        }
        events = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("budget-events").daemon().factory());
        reservations.start();
        settlements.start();
        if (listener != null) {
            listener.start();
        }
        long every = engine.properties().sweepInterval().toMillis();
        sweeps = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("budget-sweeper").daemon().factory());
        sweeps.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (sweeps != null) {
            sweeps.shutdownNow();
            sweeps = null;
        }
        if (listener != null) {
            listener.stop();
        }
        reservations.stop();
        settlements.stop();
        if (events != null) {
            events.shutdown();
            events = null;
        }
    }

    @Override
    public boolean isRunning() {
        return sweeps != null;
    }

    /** Starts before the web server and stops after it, so in-flight calls can still settle. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4096;
    }

    private void sweepQuietly() {
        try {
            int released = sweeper.sweep();
            if (released > 0) {
                log.info("released {} expired budget reservations", released);
            }
            sweeper.republishAlerts();
        } catch (RuntimeException e) {
            log.warn("budget sweep failed; next try in {}", engine.properties().sweepInterval(), e);
        }
    }
}
