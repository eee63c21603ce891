package vn.gems.indicators.push.service;

import vn.gems.indicators.push.PushCommand;
import vn.gems.indicators.push.input.RowSource;
import vn.gems.indicators.push.rest.PushView;
import vn.gems.indicators.push.rules.RowValidator;
import vn.gems.indicators.push.rules.ValueAuthor;
import vn.gems.indicators.service.Catalogue;
import vn.gems.indicators.service.WritePolicy;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemException;
import vn.gems.common.request.RequestIds;
import vn.gems.indicators.config.IndicatorsConfig;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Bulk pushes, from the request to the answer: the body is spooled to a local file (memory stays flat whatever its
 * size), an earlier push with the same Idempotency-Key is replayed or taken over ({@link PushClaims}), an identical
 * re-push is recognised without reading it ({@link IdenticalPush}), and otherwise the push is claimed by this instance
 * and run ({@link PushJob}): small files before answering, larger ones on a worker after a 202 once the file is in.
 * While it runs, its lease is renewed ({@link PushLeases}).
 */
@ApplicationScoped
public class PushService {

    /** How a push was answered. */
    public record Answer(int status, PushView push) {
    }

    private final AgroalDataSource dataSource;
    private final Catalogue catalogue;
    private final WritePolicy policy;
    private final IndicatorsConfig config;
    private final PushInstance instance;
    private final PushClaims claims;
    private final PushLeases leases;
    private final IdenticalPush identical;
    private final PushWorkers workers;

    public PushService(AgroalDataSource dataSource, Catalogue catalogue, WritePolicy policy, IndicatorsConfig config, PushInstance instance,
                       PushClaims claims, PushLeases leases, IdenticalPush identical, PushWorkers workers) {
        this.dataSource = dataSource;
        this.catalogue = catalogue;
        this.policy = policy;
        this.config = config;
        this.instance = instance;
        this.claims = claims;
        this.leases = leases;
        this.identical = identical;
        this.workers = workers;
    }

    public Answer push(PushCommand cmd, InputStream body) {
        Catalogue.Snapshot cat = catalogue.current();
        ValueAuthor writer = policy.author(cmd.sourceKind(), cmd.reference(), cmd.agency(), null, cat);
        ReplaceSlice slice;
        try {
            if (cmd.replace() && cmd.skipBad()) {
                throw ProblemException.badRequest("SKIP_NOT_ALLOWED_WITH_REPLACE",
                        "Replacing a slice retires what the file lacks, so a skipped row would be retired: use onError=ABORT",
                        new FieldError("onError", "SKIP_NOT_ALLOWED_WITH_REPLACE", "must be ABORT in REPLACE mode"));
            }
            slice = ReplaceSlice.of(cat, cmd);
        } catch (ProblemException e) {
            drain(body);
            throw e;
        }
        Spool spool;
        try {
            spool = Spool.receive(body, instance.spoolDir());
        } catch (IOException e) {
            throw ProblemException.badRequest("UPLOAD_INTERRUPTED", "The upload broke off before the end of the file; nothing was written");
        }
        boolean handedOver = false;
        try {
            PushStore.NewPush record = new PushStore.NewPush("PUSH", "RECEIVING", cmd.replace() ? "REPLACE" : "UPSERT",
                    cmd.format().name(), cmd.dryRun(), cmd.skipBad() ? "SKIP" : "ABORT", writer.kind().name(), writer.reference(),
                    writer.agency(), writer.system(), slice.text(), writer.username(),
                    cmd.idempotencyKey() == null ? null : writer.subject() + " POST /api/values/pushes",
                    cmd.idempotencyKey(), cmd.defaultStatus().letter(), cat.revision, spool.sha256());
            PushClaims.Start start = start(cmd, record);
            if (start.replay() != null) {
                return new Answer(start.status(), start.replay());
            }
            Run run = run(start.claim(), cmd, writer, cat, slice, spool);
            handedOver = run.handedOver();
            return run.answer();
        } catch (SQLException e) {
            throw PushAnswers.failure(PushFailure.of(e, null, RequestIds.current()), config.push().retryAfter());
        } finally {
            if (!handedOver) {
                spool.close();
            }
        }
    }

    /** An earlier push with the key, an identical earlier push, or a new claim. */
    private PushClaims.Start start(PushCommand cmd, PushStore.NewPush record) throws SQLException {
        Optional<PushClaims.Start> earlier = claims.earlier(record);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (IdenticalPush.eligible(cmd)) {
            try {
                Optional<PushView> same = identical.recognise(record);
                if (same.isPresent()) {
                    return new PushClaims.Start(same.get(), 201, null, false);
                }
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
                // a concurrent request with the same key was first: its push decides below
            }
        }
        return claims.claimNew(record);
    }

    private record Run(Answer answer, boolean handedOver) {
    }

    /** Runs a claimed attempt: here for small files, on a worker after a 202 for large ones. */
    private Run run(PushAttempts.Claim claim, PushCommand cmd, ValueAuthor writer, Catalogue.Snapshot cat, ReplaceSlice slice, Spool spool) {
        leases.hold(claim);
        PushJob job;
        Connection side = null;
        Connection data = null;
        try {
            side = dataSource.getConnection();
            data = dataSource.getConnection();
            data.setAutoCommit(false);
            job = new PushJob(claim, cmd, writer, cat, slice.retire(), side, data, instance.spoolDir(), config.push());
        } catch (SQLException | IOException | RuntimeException e) {
            PushJob.close(data);
            PushJob.close(side);
            leases.release(claim);
            // Nothing recorded: the claim's lease runs out and the push is marked interrupted, retryable with its key.
            throw PushAnswers.failure(PushFailure.of(e, claim.id(), RequestIds.current()), config.push().retryAfter());
        }
        boolean handedOver = false;
        try {
            // The header is read here, so a file that cannot be a push is answered 400 even when it is large.
            RowSource rows = cmd.format().open(job.open(spool), cat);
            RowValidator validator = new RowValidator(cat, writer, cmd.defaultStatus(), slice.slice(), rows.decimalComma());
            if (spool.bytes() > config.push().syncMaxBytes().asLongValue()) {
                PushAttempts.answered(side, claim, 202);
                PushView accepted = view(side, claim.id());
                // From here on the job alone uses its connections.
                workers.submit(() -> job.runInBackground(rows, validator, () -> {
                    leases.release(claim);
                    spool.close();
                }));
                handedOver = true;
                return new Run(new Answer(202, accepted), true);
            }
            int status = job.run(rows, validator);
            return new Run(new Answer(status, view(side, claim.id())), false);
        } catch (RowSource.InvalidInput e) {
            job.fail(400, e.code(), e.getMessage());
            throw ProblemException.badRequest(e.code(), e.getMessage() + " (push " + claim.id() + ")", new FieldError(e.field(), e.code(), e.getMessage()));
        } catch (PushJob.ClaimLost e) {
            throw PushAnswers.inProgress(config.push().retryAfter());
        } catch (ProblemException e) {
            job.fail(e.status(), e.code(), e.getMessage());
            throw e;
        } catch (IOException | SQLException | RuntimeException e) {
            PushFailure f = PushFailure.of(e, claim.id(), RequestIds.current());
            job.fail(f.status(), f.code(), f.sentence());
            throw PushAnswers.failure(f, config.push().retryAfter());
        } finally {
            if (!handedOver) {
                job.close();
                leases.release(claim);
            }
        }
    }

    private PushView view(Connection side, long id) throws SQLException {
        return PushStore.find(side, id, config.push().inlineRejections()).orElseThrow().view();
    }

    /** Reads and discards what is left of a body we answer early, up to a limit, so the client sees the answer. */
    private void drain(InputStream in) {
        long limit = config.push().drainLimit().asLongValue();
        byte[] b = new byte[1 << 16];
        try {
            long n = 0;
            int r;
            while (n < limit && (r = in.read(b)) > 0) {
                n += r;
            }
        } catch (IOException e) {
            // the client went away
        }
    }
}
