package vn.gems.plans.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import vn.gems.common.problem.ProblemException;
import vn.gems.contracts.indicators.UnitChange;
import vn.gems.contracts.indicators.UnitChangePage;
import vn.gems.plans.client.IndicatorsClient;
import vn.gems.plans.config.PlansConfig;

/**
 * Follows indicators-service's unit change feed ({@code GET /api/unit-changes}) into the People's Committees.
 * <ul>
 *   <li>The cursor (last sequence number applied) is a row of our database, advanced in the transaction that applies
 *       the changes: a crash before the commit re-reads the same entries, and re-applying is a no-op.</li>
 *   <li>The page is fetched outside the transaction (no database connection held over a REST call); the transaction
 *       then takes {@code pg_try_advisory_xact_lock}: another replica holding it means this one skips the run, and
 *       entries at or below the cursor it finds (applied meanwhile) are skipped, so no entry is applied twice.</li>
 *   <li>The feed's numbers are gapless: an entry that is not cursor + 1 stops the run rather than skip one.</li>
 *   <li>indicators-service down: the run logs and the next one resumes from the cursor (catch-up).</li>
 * </ul>
 */
@ApplicationScoped
public class UnitFeedFollower {

    private static final Logger LOG = Logger.getLogger(UnitFeedFollower.class);
    static final String FEED = "indicators-units";
    /** Advisory lock key of the follower ("gemsunit" in ASCII). */
    static final long LOCK = 0x67656d73756e6974L;

    /** One run's outcome: entries applied, whether the feed has more, whether another replica held the lock. */
    public record Poll(int applied, boolean more, boolean lockedElsewhere) {
    }

    private final IndicatorsClient indicators;
    private final CommitteeService committees;
    private final PlansConfig config;
    private final EntityManager em;

    public UnitFeedFollower(IndicatorsClient indicators, CommitteeService committees, PlansConfig config, EntityManager em) {
        this.indicators = indicators;
        this.committees = committees;
        this.config = config;
        this.em = em;
    }

    @Scheduled(identity = "unit-feed", every = "${gems.plans.unit-feed.every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            catchUp();
        } catch (ProblemException e) {
            LOG.infof("unit feed not followed this time: %s", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("unit feed run failed; the next run resumes from the stored cursor", e);
        }
    }

    /** Applies pages until the feed's head (or {@code max-pages}); returns the entries applied. */
    public int catchUp() {
        int total = 0;
        for (int i = 0; i < config.unitFeed().maxPages(); i++) {
            Poll p = pollOnce();
            total += p.applied();
            if (!p.more() || p.lockedElsewhere() || p.applied() == 0) {
                break;
            }
        }
        return total;
    }

    /** One page: read the cursor, fetch after it, apply under the lock. */
    public Poll pollOnce() {
        long cursor = cursor();
        UnitChangePage page = indicators.unitChanges(cursor, config.unitFeed().batchSize());
        return QuarkusTransaction.requiringNew().call(() -> apply(page));
    }

    /** The last sequence number applied. */
    public long cursor() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select last_seq from unit_feed_cursor where feed = ?1").setParameter(1, FEED).getSingleResult()).longValue());
    }

    Poll apply(UnitChangePage page) {
        boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)").setParameter(1, LOCK).getSingleResult();
        if (!locked) {
            return new Poll(0, true, true);
        }
        long cursor = ((Number) em.createNativeQuery("select last_seq from unit_feed_cursor where feed = ?1 for update")
                .setParameter(1, FEED).getSingleResult()).longValue();
        int applied = 0;
        for (UnitChange c : page.items()) {
            if (c.seq() <= cursor) {
                continue;
            }
            if (c.seq() != cursor + 1) {
                LOG.warnf("unit feed: expected entry %d, got %d; stopping this run", cursor + 1, c.seq());
                break;
            }
            committees.apply(c);
            cursor = c.seq();
            applied++;
        }
        if (applied > 0) {
            em.createNativeQuery("update unit_feed_cursor set last_seq = ?1, updated_at = now() where feed = ?2")
                    .setParameter(1, cursor).setParameter(2, FEED).executeUpdate();
        }
        return new Poll(applied, cursor < page.head(), false);
    }
}
