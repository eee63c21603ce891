package vn.gems.indicators.push.service;

import vn.gems.indicators.push.rest.PushView;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import vn.gems.common.problem.ProblemException;
import vn.gems.indicators.config.IndicatorsConfig;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Who runs a push, and what a retry with its Idempotency-Key gets. The same key and the same file:
 * <ul>
 *   <li>a finished push replays its answer (201, 200, or its 400/422 problem);</li>
 *   <li>a push still running under a live lease replays 202 when it was handed to the background, else answers 409
 *       PUSH_IN_PROGRESS with Retry-After;</li>
 *   <li>a push that failed without writing (PUSH_INTERRUPTED, INTERNAL_ERROR, DATABASE_UNAVAILABLE), or whose lease ran
 *       out while it was marked running (its instance died), is claimed by this request for a new attempt under the
 *       same id, so the retry completes it.</li>
 * </ul>
 * Another file with the key is 422 IDEMPOTENCY_KEY_REUSED. A new key (or none) gets a new push claimed by this instance.
 */
@ApplicationScoped
public class PushClaims {

    private static final Logger LOG = Logger.getLogger(PushClaims.class);

    /** Either an answer to replay or a claim to run; {@code retry} when the claim is a new attempt of an earlier push. */
    public record Start(PushView replay, int status, PushAttempts.Claim claim, boolean retry) {
    }

    private final AgroalDataSource dataSource;
    private final PushInstance instance;
    private final IndicatorsConfig config;

    public PushClaims(AgroalDataSource dataSource, PushInstance instance, IndicatorsConfig config) {
        this.dataSource = dataSource;
        this.instance = instance;
        this.config = config;
    }

    /** An earlier push with the record's key, as described above; empty when there is none. */
    public Optional<Start> earlier(PushStore.NewPush record) throws SQLException {
        if (record.idemKey() == null) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection()) {
            return earlier(c, record);
        }
    }

    /** A new push claimed by this instance; when a concurrent request inserted the key first, what its push means for us. */
    public Start claimNew(PushStore.NewPush record) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try {
                return new Start(null, 0, PushStore.insert(c, record, instance.id(), config.push().lease()), false);
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState()) || record.idemKey() == null) {
                    throw e;
                }
            }
            return earlier(c, record).orElseThrow(this::inProgress);
        }
    }

    private Optional<Start> earlier(Connection c, PushStore.NewPush record) throws SQLException {
        int inline = config.push().inlineRejections();
        Optional<PushStore.Row> existing = PushStore.findByKey(c, record.idemScope(), record.idemKey(), inline);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        if (!record.sha256().equals(existing.get().contentSha256())) {
            throw ProblemException.unprocessable("IDEMPOTENCY_KEY_REUSED", "Idempotency-Key", "This Idempotency-Key was already used with a different file");
        }
        Optional<PushAttempts.Claim> taken = PushAttempts.reclaim(c, existing.get().view().id(), instance.id(), config.push().lease());
        if (taken.isPresent()) {
            LOG.infof("push %d: %s earlier without writing; attempt %d runs it again for a retry with its Idempotency-Key",
                    taken.get().id(), existing.get().view().status().equals("FAILED") ? "failed (" + existing.get().view().failureCode() + ")"
                            : "cut off", taken.get().attempt());
            return Optional.of(new Start(null, 0, taken.get(), true));
        }
        // Not ours to take: read it again, it may have finished while we looked.
        PushStore.Row row = PushStore.findByKey(c, record.idemScope(), record.idemKey(), inline).orElseThrow(this::inProgress);
        Integer status = row.responseStatus();
        if (PushStore.RUNNING.contains(row.view().status()) && (status == null || status != 202)) {
            throw inProgress();
        }
        if (status == null) {
            throw inProgress();
        }
        if (status >= 400) {
            throw PushAnswers.replayedFailure(row.view(), status);
        }
        return Optional.of(new Start(row.view(), status, null, false));
    }

    private ProblemException inProgress() {
        return PushAnswers.inProgress(config.push().retryAfter());
    }
}
