package vn.gems.common.jobs;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.configuration.DurationConverter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Runs a scheduled job once per time slot across all replicas of a service. Time is cut into slots as long as the
 * job's period (counted on the database clock, so replicas' clocks do not matter); the first instance to insert the
 * row {@code (job, slot)} into the service's {@code job_run} table runs the job, every other one skips at once
 * instead of doing the same work and rolling back on the keys. The claim is its own short transaction: the job then
 * commits in whatever transactions it needs. An instance that dies mid-run loses that slot; the next slot runs the job
 * again (jobs are idempotent by their keys, so nothing is done twice in effect).
 */
@ApplicationScoped
public class JobSlots {

    private static final Logger LOG = Logger.getLogger(JobSlots.class);

    private final EntityManager em;
    private final InstanceName instance;

    public JobSlots(EntityManager em, InstanceName instance) {
        this.em = em;
        this.instance = instance;
    }

    /** Runs {@code job} unless another instance (or this one) already ran {@code name} in the current slot; true when it ran. */
    public boolean runOnce(String name, Duration period, Runnable job) {
        if (!claim(name, period)) {
            LOG.debugf("job %s: already run in this slot by another instance, skipped", name);
            return false;
        }
        job.run();
        return true;
    }

    /**
     * {@link #runOnce(String, Duration, Runnable)} with the period as the scheduler reads it ("1h", "30m", "PT5M"); a
     * schedule that is not a period ("off" while the job only runs on demand, a cron expression) counts as one hour.
     */
    public boolean runOnce(String name, String period, Runnable job) {
        return runOnce(name, periodOf(period), job);
    }

    static Duration periodOf(String every) {
        try {
            Duration d = DurationConverter.parseDuration(every);
            return d == null || d.isZero() || d.isNegative() ? Duration.ofHours(1) : d;
        } catch (RuntimeException notAPeriod) {
            return Duration.ofHours(1);
        }
    }

    /** Claims the current slot of {@code name} for this instance; false when it is taken. */
    public boolean claim(String name, Duration period) {
        long seconds = Math.max(1, period.toSeconds());
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "insert into job_run(job, slot, owner) values (?1, floor(extract(epoch from clock_timestamp()) / ?2)::bigint, ?3) "
                                + "on conflict do nothing")
                .setParameter(1, name).setParameter(2, seconds).setParameter(3, instance.id()).executeUpdate() == 1);
    }
}
