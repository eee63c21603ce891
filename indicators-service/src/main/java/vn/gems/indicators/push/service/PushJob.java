package vn.gems.indicators.push.service;

import vn.gems.indicators.push.PushCommand;
import vn.gems.indicators.push.input.RawRow;
import vn.gems.indicators.push.input.RowSource;
import vn.gems.indicators.push.merge.MergeSteps;
import vn.gems.indicators.push.merge.StageFile;
import vn.gems.indicators.push.merge.ValueMerge;
import vn.gems.indicators.push.merge.Watermarks;
import vn.gems.indicators.push.rules.GroupChecks;
import vn.gems.indicators.push.rules.Rejections;
import vn.gems.indicators.push.rules.RowError;
import vn.gems.indicators.push.rules.RowValidator;
import vn.gems.indicators.push.rules.StagedRow;
import vn.gems.indicators.push.rules.ValueAuthor;
import vn.gems.indicators.service.Catalogue;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import vn.gems.common.request.RequestIds;
import vn.gems.indicators.config.IndicatorsConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One attempt of a push, from reading the spooled file to its final status, on two connections: {@code side} (auto
 * commit) records progress and rejections, visible while the push runs and kept when the data roll back; {@code data}
 * holds the one transaction that writes the values and — in the same transaction, only while this attempt's claim
 * holds — the SUCCEEDED status. So a crash leaves either SUCCEEDED with every value, or a push still marked running
 * whose lease runs out (then FAILED, PUSH_INTERRUPTED, nothing written); a late finish of a lost claim rolls back.
 */
final class PushJob implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PushJob.class);

    /** The attempt lost its claim (its lease ran out and the push was failed or taken over): it wrote nothing. */
    static final class ClaimLost extends RuntimeException {
        ClaimLost(long id) {
            super("push " + id + ": claim lost", null, false, false);
        }
    }

    final PushAttempts.Claim claim;
    private final PushCommand cmd;
    private final ValueAuthor writer;
    private final IndicatorsConfig.Push settings;
    private final Connection side;
    private final Connection data;
    private final ValueMerge merge;
    private final ValueMerge.Retire retire;
    private final Rejections rejections;
    private final GroupChecks groups;
    private final StageFile stage;
    final String requestId = RequestIds.current();
    private InputStream input;
    private long read;
    private int seq;
    private boolean closed;

    PushJob(PushAttempts.Claim claim, PushCommand cmd, ValueAuthor writer, Catalogue.Snapshot cat, ValueMerge.Retire retire,
            Connection side, Connection data, Path stageDir, IndicatorsConfig.Push settings) throws IOException {
        this.claim = claim;
        this.cmd = cmd;
        this.writer = writer;
        this.settings = settings;
        this.side = side;
        this.data = data;
        this.retire = retire;
        this.merge = new ValueMerge(data, cat);
        this.groups = new GroupChecks(cat);
        this.rejections = new Rejections(settings.inlineRejections(), this::store);
        this.stage = StageFile.onDisk(stageDir);
    }

    long id() {
        return claim.id();
    }

    /** The spooled file, opened for reading; closed with the job. */
    InputStream open(Spool spool) throws IOException {
        input = spool.open();
        return input;
    }

    private void store(List<RowError> errors, char severity) {
        try {
            PushAttempts.rejections(side, claim, seq, errors, severity);
            seq += errors.size();
        } catch (SQLException e) {
            throw new IllegalStateException("rejections not recorded", e);
        }
    }

    /** Reads the file to its end and finishes: the status code the push answers (201, 200 for a dry run, 422). */
    int run(RowSource rows, RowValidator validator) throws IOException, SQLException {
        receive(rows, validator);
        return complete();
    }

    /** Reads the spooled file row by row: validated rows go to the stage file, the rest to the rejections. */
    private void receive(RowSource rows, RowValidator validator) throws IOException, SQLException {
        RawRow row = new RawRow();
        List<RowError> errors = new ArrayList<>();
        int every = Math.max(1000, settings.progressEvery());
        long lastProgress = System.nanoTime();
        while (rows.next(row)) {
            read++;
            if (rows.malformed() != null) {
                rejections.accept(rows.malformed());
            } else {
                errors.clear();
                StagedRow staged = validator.validate(row, errors);
                if (staged == null) {
                    errors.forEach(rejections);
                } else {
                    stage.add(staged);
                    groups.add(staged);
                }
            }
            if (read % every == 0 && System.nanoTime() - lastProgress > 500_000_000L) {
                PushAttempts.progress(side, claim, "RECEIVING", read, stage.rows(), rejections.rows());
                lastProgress = System.nanoTime();
            }
        }
        stage.finish();
        merge.mark("read+validate");
        rejections.flush();
        PushAttempts.progress(side, claim, "VALIDATING", read, stage.rows(), rejections.rows());
    }

    private int complete() throws SQLException, IOException {
        merge.begin(settings.workMem());
        ValueMerge.Counts counts;
        if (direct()) {
            PushAttempts.progress(side, claim, "MERGING", read, stage.rows(), rejections.rows());
            counts = merge.insertDirect(stage, claim.id());
        } else {
            merge.stage(stage);
            // A dry run counts what the good rows would do, whatever the onError mode.
            boolean ok = MergeSteps.check(merge, groups, writer, cmd.replace(), cmd.skipBad() || cmd.dryRun(), true, rejections,
                    phase -> PushAttempts.progress(side, claim, phase, read, merge.staged(), rejections.rows()));
            if (!ok && !cmd.dryRun()) {
                data.rollback();
                finishOnSide(PushAttempts.Outcome.failed(read, rejections.rows(), "ROWS_REJECTED",
                        rejections.rows() + " row(s) rejected; nothing was written", 422));
                return 422;
            }
            PushAttempts.progress(side, claim, "MERGING", read, merge.staged(), rejections.rows());
            counts = cmd.dryRun() ? merge.dryRun(retire, writer.agency(), writer.privileged())
                    : merge.merge(claim.id(), retire, writer.agency(), writer.privileged());
        }
        int status = cmd.dryRun() ? 200 : 201;
        rejections.flush();
        PushAttempts.Outcome outcome = PushAttempts.Outcome.succeeded(!cmd.dryRun(), read, merge.staged(), rejections.rows(), counts, message(),
                status, String.join(",", stage.slices()));
        if (cmd.dryRun()) {
            data.rollback();
            finishOnSide(outcome);
        } else if (PushAttempts.finish(data, claim, outcome)) {
            data.commit();
        } else {
            data.rollback();
            throw new ClaimLost(claim.id());
        }
        merge.mark("commit");
        LOG.infof("push %d: %d rows read, %d accepted, %d rejected; %s", claim.id(), read, merge.staged(), rejections.rows(), merge.timings());
        return status;
    }

    private String message() {
        List<String> parts = new ArrayList<>();
        if (cmd.dryRun()) {
            parts.add("dry run: nothing was written" + (rejections.rows() > 0 ? "; " + rejections.rows() + " row(s) would be rejected" : ""));
        } else if (cmd.skipBad() && rejections.rows() > 0) {
            parts.add(rejections.rows() + " bad row(s) skipped, the good rows were committed");
        }
        if (rejections.warnings() > 0) {
            parts.add(rejections.warnings() + " identical duplicate row(s) kept once");
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private void finishOnSide(PushAttempts.Outcome outcome) throws SQLException {
        if (!PushAttempts.finish(side, claim, outcome)) {
            throw new ClaimLost(claim.id());
        }
    }

    /**
     * Whether the rows can be COPY'd straight into the values table: an upsert (not a dry run) of rows that all
     * passed, no duplicates or sex-total problems, into slices that never held a value. Decided under the merge
     * locks of the push's indicators, which stay held until commit, so no other write can fill a slice meanwhile.
     */
    private boolean direct() throws SQLException {
        if (cmd.replace() || cmd.dryRun() || stage.rows() == 0 || rejections.errors() > 0 || groups.overflowed()
                || !groups.groups(false).isEmpty()) {
            return false;
        }
        Watermarks.lock(data, stage.indicators());
        return Watermarks.fresh(data, stage.slices());
    }

    /** Ends the attempt FAILED with a code and a sentence; nothing of it is written. */
    void fail(int status, String code, String sentence) {
        try {
            data.rollback();
        } catch (SQLException e) {
            // connection broken: nothing was committed
        }
        try {
            rejections.flush();
            PushAttempts.finish(side, claim, PushAttempts.Outcome.failed(read, rejections.rows(), code, sentence, status));
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("push %d: could not record its failure %s (request %s); its lease runs out and it is marked interrupted", claim.id(), code,
                    requestId);
        }
    }

    /** The background path: the request has been answered 202; the outcome is the push's stored status. */
    void runInBackground(RowSource rows, RowValidator validator, Runnable done) {
        if (requestId != null) {
            MDC.put(RequestIds.MDC_KEY, requestId);
        }
        try {
            run(rows, validator);
        } catch (RowSource.InvalidInput e) {
            fail(400, e.code(), e.getMessage());
        } catch (ClaimLost e) {
            LOG.warnf("push %d: lost its lease before it finished; attempt %d rolled back", claim.id(), claim.attempt());
        } catch (Throwable e) {
            PushFailure f = PushFailure.of(e, claim.id(), requestId);
            fail(f.status(), f.code(), f.sentence());
        } finally {
            close();
            done.run();
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stage.close();
        if (input != null) {
            try {
                input.close();
            } catch (IOException e) {
                // a local file
            }
        }
        try {
            data.rollback();
            data.setAutoCommit(true);
        } catch (SQLException e) {
            // returned to the pool broken; Agroal validates it
        }
        close(data);
        close(side);
    }

    static void close(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // nothing left to do
            }
        }
    }
}
