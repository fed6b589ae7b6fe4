package dev.switchboard.platform;

import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Blocking HTTP/1.1 clients over pooled keep-alive connections (Apache HttpClient, classic API), for calls
 * made on the caller's own (virtual) thread. They do only what they are told: no retries (the caller
 * decides, as the router does with its fallbacks), no redirects, no cookies, no transparent compression.
 */
public final class PooledHttp {

    /** Idle pooled connections are checked before reuse after this long: servers close idle keep-alives. */
    private static final TimeValue VALIDATE_AFTER_IDLE = TimeValue.ofSeconds(1);

    private static final TimeValue EVICT_IDLE = TimeValue.ofSeconds(30);

    /** The hosts are few and the calls to each many: the pool does not cap what the callers admit. */
    private static final int MAX_CONNECTIONS = 4_096;

    private PooledHttp() {}

    /** A client whose connections time out connecting after {@code connectTimeout}. */
    public static CloseableHttpClient client(Duration connectTimeout) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                        .setMaxConnTotal(MAX_CONNECTIONS)
                        .setMaxConnPerRoute(MAX_CONNECTIONS)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setValidateAfterInactivity(VALIDATE_AFTER_IDLE)
                                .build())
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .evictIdleConnections(EVICT_IDLE)
                .build();
    }
}
