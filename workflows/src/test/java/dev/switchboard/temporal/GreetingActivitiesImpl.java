package dev.switchboard.temporal;

import io.temporal.spring.boot.ActivityImpl;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/** A Spring bean the starter registers on the worker because of {@link ActivityImpl}. */
@Component
@ActivityImpl(workers = TemporalProperties.WORKER)
class GreetingActivitiesImpl implements GreetingActivities {

    private final AtomicBoolean ranOnVirtualThread = new AtomicBoolean();

    @Override
    public String compose(String name) {
        ranOnVirtualThread.set(Thread.currentThread().isVirtual());
        return "Hello, " + name;
    }

    boolean ranOnVirtualThread() {
        return ranOnVirtualThread.get();
    }
}
