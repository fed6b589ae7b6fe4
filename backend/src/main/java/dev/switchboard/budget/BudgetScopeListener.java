package dev.switchboard.budget;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link Unbudgeted} honest: holds one database connection that {@code LISTEN}s on {@link
 * #CHANNEL}, where triggers on the budget and org unit tables notify every change (see the migration
 * {@code budget_scope_notify}), and makes the node forget what it knew on each notification.
 *
 * <p>Knowledge is trusted only while the connection is known to be alive: it is probed every {@link
 * #PROBE_EVERY}, each successful probe renews a {@link #LEASE} on the node's trust, and a failed probe
 * or read distrusts everything until a new connection listens again. A node cut off from the
 * database, or whose listener is stuck in a read, therefore stops trusting what it knew within {@code
 * LEASE} of its last good probe; until then it may still admit calls it knows fall under no budget.
 * The probe shows the connection alive, not that the session still listens (a pooler that resets
 * sessions would defeat it): connect to PostgreSQL itself, not through such a pooler.
 */
final class BudgetScopeListener {

    static final String CHANNEL = "switchboard_budget_scope";
    /** What the listening connection is called in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "switchboard budget scope listener";

    static final Duration PROBE_EVERY = Duration.ofSeconds(2);
    /**
     * How long a successful probe keeps the node trusting what it knows: a listener stuck in a read or
     * cut off stops being trusted after this, whether or not it notices.
     */
    static final Duration LEASE = Duration.ofSeconds(5);
    /** How long a probe or a read may take before the connection counts as dead. */
    private static final Duration NETWORK_TIMEOUT = Duration.ofSeconds(3);
    /** How long one wait for notifications lasts: also how long {@link #stop()} may wait for the thread. */
    private static final int WAIT_MILLIS = 250;

    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(BudgetScopeListener.class);

    private final DataSource dataSource;
    private final Unbudgeted unbudgeted;
    private volatile Thread thread;
    private volatile boolean running;

    BudgetScopeListener(DataSource dataSource, Unbudgeted unbudgeted) {
        this.dataSource = dataSource;
        this.unbudgeted = unbudgeted;
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("budget-scope-listener").daemon().start(this::run);
    }

    synchronized void stop() {
        running = false;
        Thread thread = this.thread;
        this.thread = null;
        unbudgeted.distrust();
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                listen(connection);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("not listening for budget changes (every reservation reads its budgets); retrying", e);
                }
            } finally {
                unbudgeted.distrust();
            }
            if (running) {
                sleep(RETRY_AFTER);
            }
        }
    }

    /** Listens on {@code connection} until it fails or the listener stops. */
    private void listen(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        String applicationName = connection.getClientInfo("ApplicationName");
        connection.setClientInfo("ApplicationName", APPLICATION_NAME);
        // a dead network fails the next read or probe instead of blocking it
        connection.setNetworkTimeout(Runnable::run, (int) NETWORK_TIMEOUT.toMillis());
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
        }
        try {
            unbudgeted.trust(LEASE);
            PGConnection pg = connection.unwrap(PGConnection.class);
            long nextProbe = System.nanoTime() + PROBE_EVERY.toNanos();
            while (running) {
                PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                if (notifications != null && notifications.length > 0) {
                    unbudgeted.forget();
                }
                if (System.nanoTime() - nextProbe >= 0) {
                    probe(connection);
                    unbudgeted.vouch(LEASE);
                    nextProbe = System.nanoTime() + PROBE_EVERY.toNanos();
                }
            }
        } finally {
            unbudgeted.distrust();
            if (!connection.isClosed()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("UNLISTEN *"); // the connection goes back to a pool
                    connection.setClientInfo("ApplicationName", applicationName);
                } catch (SQLException e) {
                    log.debug("UNLISTEN failed on a connection being closed", e);
                }
            }
        }
    }

    /** A round trip on the listening connection: one that cannot make it can no longer be trusted to notify. */
    private static void probe(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            if (running) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
