package vn.gems.indicators.push.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import vn.gems.indicators.config.IndicatorsConfig;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Leases of running pushes. Each instance renews the leases of the pushes it runs (heartbeat); every instance, at start
 * and then once per lease, marks FAILED (PUSH_INTERRUPTED) the running pushes whose lease ran out — their instance
 * died, and since a push's success commits with its values, nothing of them was written. A live lease, another
 * instance's or this one's, is never touched, so a rolling restart does not fail the other replica's pushes.
 */
@ApplicationScoped
public class PushLeases {

    private static final Logger LOG = Logger.getLogger(PushLeases.class);

    private final AgroalDataSource dataSource;
    private final PushInstance instance;
    private final IndicatorsConfig config;
    private final Map<Long, PushAttempts.Claim> held = new ConcurrentHashMap<>();

    public PushLeases(AgroalDataSource dataSource, PushInstance instance, IndicatorsConfig config) {
        this.dataSource = dataSource;
        this.instance = instance;
        this.config = config;
    }

    /** This instance runs {@code claim} from now on: its lease is renewed until {@link #release}. */
    public void hold(PushAttempts.Claim claim) {
        held.put(claim.id(), claim);
    }

    public void release(PushAttempts.Claim claim) {
        held.remove(claim.id(), claim);
    }

    @Scheduled(every = "${gems.indicators.push.heartbeat:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void heartbeat() {
        instance.touch();
        List<Long> ids = new ArrayList<>(held.keySet());
        if (ids.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            PushAttempts.renew(c, instance.id(), ids, config.push().lease());
        } catch (SQLException e) {
            LOG.warnf("could not renew the leases of pushes %s: %s", ids, e.getSQLState());
        }
    }

    void onStart(@Observes StartupEvent e) {
        recover();
    }

    @Scheduled(every = "${gems.indicators.push.lease:30s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void recover() {
        try (Connection c = dataSource.getConnection()) {
            List<Long> failed = PushAttempts.failStale(c);
            if (!failed.isEmpty()) {
                LOG.warnf("push(es) %s: their instance stopped before they finished (lease ran out); marked FAILED, nothing was written", failed);
            }
        } catch (SQLException ex) {
            LOG.warnf("could not recover interrupted pushes: %s", ex.getSQLState());
        }
        instance.sweep();
    }
}
