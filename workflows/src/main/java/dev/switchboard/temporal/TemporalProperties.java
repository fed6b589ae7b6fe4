package dev.switchboard.temporal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where Switchboard's Temporal lives, bound from {@code switchboard.temporal.*} (environment variables
 * such as {@code SWITCHBOARD_TEMPORAL_EMBEDDED=false} and {@code SWITCHBOARD_TEMPORAL_TARGET} override
 * it). These are the only Temporal settings operators need; they are mapped onto the Temporal Spring
 * Boot starter's {@code spring.temporal.*} properties at start-up, where anything the starter offers
 * beyond them (mTLS, API keys) can still be set directly.
 *
 * @param embedded run the in-memory Temporal test server inside this process (laptop default; the
 *     {@code prod} profile refuses it): nothing survives a restart, and it has no schedules or
 *     visibility queries
 * @param target the {@code host:port} of the Temporal frontend when not embedded
 * @param port the port the embedded server listens on; {@code 0} picks a free one at start-up (for
 *     tests, where several contexts may run at once)
 * @param namespace the Temporal namespace workflows run in
 * @param taskQueue the task queue of the {@link #WORKER} worker
 */
@Validated
@ConfigurationProperties("switchboard.temporal")
public record TemporalProperties(
        @DefaultValue("true") boolean embedded,
        @NotBlank @DefaultValue("127.0.0.1:7233") String target,
        @Min(0) @Max(65535) @DefaultValue("7233") int port,
        @NotBlank @DefaultValue("default") String namespace,
        @NotBlank @DefaultValue("switchboard") String taskQueue) {

    /**
     * The name of the one worker this process runs. Workflow and activity implementations join it
     * with {@code @WorkflowImpl(workers = TemporalProperties.WORKER)} and {@code @ActivityImpl(workers
     * = TemporalProperties.WORKER)}, which keeps them independent of the configurable task queue name.
     */
    public static final String WORKER = "switchboard";

    /**
     * The address the client connects to: the embedded server on loopback, or {@link #target}. (With
     * {@code port=0} the embedded server's own address is used instead; see the auto-configuration.)
     */
    public String connectionTarget() {
        return embedded ? "127.0.0.1:" + port : target;
    }
}
