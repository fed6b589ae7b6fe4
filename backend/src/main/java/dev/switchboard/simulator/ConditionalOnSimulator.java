package dev.switchboard.simulator;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Registers the annotated bean only when the simulated providers are served: {@code
 * switchboard.simulator.enabled}, which defaults to on except in the {@code prod} profile.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(SimulatorEnabledCondition.class)
@interface ConditionalOnSimulator {}
