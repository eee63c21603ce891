package vn.gems.indicators.push.service;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import vn.gems.indicators.config.IndicatorsConfig;

/**
 * The workers that finish large pushes after their 202: at most {@code gems.indicators.push.workers} at once, more
 * wait in line. A {@link ManagedExecutor}, so the request's thread contexts (tracing, …) follow the job; the CDI
 * request context and any transaction are cleared — the job outlives its request and holds its own connections.
 */
@ApplicationScoped
public class PushWorkers {

    private final ManagedExecutor executor;

    public PushWorkers(IndicatorsConfig config) {
        this.executor = ManagedExecutor.builder()
                .maxAsync(Math.max(1, config.push().workers()))
                .maxQueued(-1)
                .propagated(ThreadContext.ALL_REMAINING)
                .cleared(ThreadContext.CDI, ThreadContext.TRANSACTION)
                .build();
    }

    /** Runs {@code job} on a worker; it reports its own outcome. */
    public void submit(Runnable job) {
        executor.execute(job);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
