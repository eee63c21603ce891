package vn.gems.indicators.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemException;
import vn.gems.common.request.RequestIds;
import vn.gems.common.security.Caller;
import vn.gems.common.security.Roles;
import vn.gems.indicators.Period;
import vn.gems.indicators.config.IndicatorsConfig;
import vn.gems.indicators.rest.PushView;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bulk pushes: the body is read row by row from the request stream, validated and COPY'd into a staging table
 * as it arrives (memory stays flat whatever the file size); then the set checks and one merge run in the same
 * database transaction. Small pushes answer when done; larger ones answer 202 once the file is received and
 * finish on a worker, their job resource showing progress. Job progress and rejections are written on a second
 * connection, so they survive the data transaction's rollback and are visible while it runs.
 */
@ApplicationScoped
public class PushService {

    private static final Logger LOG = Logger.getLogger(PushService.class);

    /** How a push was answered. */
    public record Answer(int status, PushView push) {
    }

    private final AgroalDataSource dataSource;
    private final Catalogue catalogue;
    private final WritePolicy policy;
    private final IndicatorsConfig config;
    private final ExecutorService workers;

    public PushService(AgroalDataSource dataSource, Catalogue catalogue, WritePolicy policy, IndicatorsConfig config) {
        this.dataSource = dataSource;
        this.catalogue = catalogue;
        this.policy = policy;
        this.config = config;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, config.push().workers()), r -> {
            Thread t = new Thread(r, "value-push-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    void onStart(@Observes StartupEvent e) {
        // Uploads of pushes cut off when an earlier process of this service stopped (each process spools in its own
        // folder, so instances sharing a disk never touch each other's files).
        try (var dirs = Files.newDirectoryStream(spoolRoot())) {
            for (Path d : dirs) {
                boolean alive = d.getFileName().toString().chars().allMatch(Character::isDigit)
                        && ProcessHandle.of(Long.parseLong(d.getFileName().toString())).isPresent();
                if (!alive && Files.isDirectory(d)) {
                    try (var files = Files.newDirectoryStream(d)) {
                        for (Path f : files) {
                            Files.deleteIfExists(f);
                        }
                    }
                    Files.deleteIfExists(d);
                }
            }
        } catch (IOException | NumberFormatException ex) {
            // no spool folder yet
        }
        try (Connection c = dataSource.getConnection()) {
            int n = PushStore.failInterrupted(c);
            if (n > 0) {
                LOG.warnf("%d push(es) interrupted by the last shutdown marked FAILED", n);
            }
        } catch (SQLException ex) {
            LOG.warn("could not mark interrupted pushes", ex);
        }
    }

    void onStop(@Observes ShutdownEvent e) {
        workers.shutdownNow();
    }

    public Answer push(PushCommand cmd, InputStream body) {
        Catalogue.Snapshot cat = catalogue.current();
        Writer writer = policy.writer(cmd.sourceKind(), cmd.reference(), cmd.agency(), null, cat);
        if (cmd.replace() && cmd.skipBad()) {
            drain(body);
            throw ProblemException.badRequest("SKIP_NOT_ALLOWED_WITH_REPLACE",
                    "Replacing a slice retires what the file lacks, so a skipped row would be retired: use onError=ABORT",
                    new FieldError("onError", "SKIP_NOT_ALLOWED_WITH_REPLACE", "must be ABORT in REPLACE mode"));
        }
        SliceSpec spec;
        try {
            spec = cmd.replace() ? slice(cat, cmd) : new SliceSpec(null, null, null);
        } catch (ProblemException e) {
            drain(body);
            throw e;
        }
        RowValidator.Slice slice = spec.slice();
        ValueMerge.Retire retire = spec.retire();
        String sliceText = spec.text();
        Spool spool;
        try {
            spool = Spool.receive(body, spoolDir());
        } catch (IOException e) {
            throw ProblemException.badRequest("UPLOAD_INTERRUPTED", "The upload broke off before the end of the file; nothing was written");
        }
        boolean handedOver = false;
        try {
            String scope = writer.subject() + " POST /api/values/pushes";
            Long reopened = null;
            if (cmd.idempotencyKey() != null) {
                Replay replay = replay(scope, cmd.idempotencyKey(), spool.sha256());
                if (replay.answer() != null) {
                    return replay.answer();
                }
                reopened = replay.reopened();
            }
            PushStore.NewPush record = new PushStore.NewPush("PUSH", "RECEIVING", cmd.replace() ? "REPLACE" : "UPSERT",
                    cmd.format().name(), cmd.dryRun(), cmd.skipBad() ? "SKIP" : "ABORT", writer.kind().name(), writer.reference(),
                    writer.agency(), writer.system(), sliceText, writer.username(), cmd.idempotencyKey() == null ? null : scope,
                    cmd.idempotencyKey(), cmd.defaultStatus().letter(), cat.revision, spool.sha256());
            if (reopened == null && !cmd.replace() && !cmd.dryRun() && !cmd.skipBad()) {
                Optional<Answer> same = identical(record);
                if (same.isPresent()) {
                    return same.get();
                }
            }
            Connection side = null;
            Connection data = null;
            long pushId;
            try {
                side = dataSource.getConnection();
                if (reopened != null) {
                    pushId = reopened;
                } else {
                    try {
                        pushId = PushStore.insert(side, record);
                    } catch (SQLException e) {
                        if ("23505".equals(e.getSQLState())) {
                            throw inProgress();
                        }
                        throw e;
                    }
                }
                data = dataSource.getConnection();
                data.setAutoCommit(false);
            } catch (SQLException | RuntimeException e) {
                close(data);
                close(side);
                if (e instanceof ProblemException p) {
                    throw p;
                }
                throw failure(PushFailure.of(e, null, RequestIds.current()));
            }
            Job job;
            try {
                job = new Job(pushId, cmd, writer, cat, side, data, retire, spool);
            } catch (IOException e) {
                close(data);
                close(side);
                throw new IllegalStateException("no room to stage push " + pushId, e);
            }
            try {
                // The header is read here, so a file that cannot be a push is answered 400 even when it is large.
                job.input = spool.open();
                RowSource rows = open(cmd.format(), job.input, cat);
                RowValidator validator = new RowValidator(cat, writer, cmd.defaultStatus(), slice, rows.decimalComma());
                if (spool.bytes() > config.push().syncMaxBytes().asLongValue()) {
                    // Read the answer before the job starts: from then on the job alone uses its connections.
                    PushView accepted = view(side, pushId);
                    workers.submit(() -> job.run(rows, validator));
                    handedOver = true;
                    return new Answer(202, accepted);
                }
                job.receive(rows, validator);
                job.complete();
                return new Answer(job.responseStatus, view(side, pushId));
            } catch (RowSource.InvalidInput e) {
                job.fail(400, e.code(), e.getMessage());
                throw ProblemException.badRequest(e.code(), e.getMessage() + " (push " + pushId + ")", new FieldError(e.field(), e.code(), e.getMessage()));
            } catch (IOException | SQLException | RuntimeException e) {
                if (e instanceof ProblemException p) {
                    job.fail(p.status(), p.code(), p.getMessage());
                    throw p;
                }
                PushFailure f = PushFailure.of(e, pushId, RequestIds.current());
                job.fail(f.status(), f.code(), f.sentence());
                throw failure(f);
            } finally {
                if (!handedOver) {
                    job.close();
                }
            }
        } finally {
            if (!handedOver) {
                spool.close();
            }
        }
    }

    /**
     * An identical re-push: the same bytes, pushed the same way by the same writer, against the same catalogue, as
     * an earlier clean push whose indicators have not changed since. Then the database already holds exactly this
     * file, nothing is read again and nothing is written but the push's own record.
     */
    private Optional<Answer> identical(PushStore.NewPush p) {
        try (Connection c = dataSource.getConnection()) {
            Optional<PushStore.Earlier> earlier = PushStore.findIdentical(c, new PushStore.Identity(p.sha256(), p.createdBy(), p.agency(),
                    p.format(), p.defaultStatus(), p.catalogueRevision()));
            if (earlier.isEmpty()) {
                return Optional.empty();
            }
            PushStore.Earlier e = earlier.get();
            c.setAutoCommit(false);
            try {
                // Under the merge locks: no merge of these indicators can be half-way while we decide.
                java.util.BitSet indicators = new java.util.BitSet();
                e.slices().forEach(sl -> indicators.set(Integer.parseInt(sl.substring(0, sl.indexOf(':')))));
                ValueMerge.lock(c, indicators);
                if (!ValueMerge.unchangedSince(c, e.id(), e.slices())) {
                    c.rollback();
                    return Optional.empty();
                }
                long id = PushStore.insert(c, p);
                PushStore.finish(c, id, PushStore.Outcome.succeeded(true, e.rowsRead(), e.rowsAccepted(), 0,
                        new ValueMerge.Counts(0, 0, 0, 0), "identical to push " + e.id() + ", and none of its slices changed since: nothing to write",
                        201, String.join(",", e.slices())));
                c.commit();
                LOG.infof("push %d: identical to push %d, nothing changed since; %d rows not read again", id, e.id(), e.rowsRead());
                return Optional.of(new Answer(201, PushStore.find(c, id, 0).orElseThrow().view()));
            } catch (SQLException ex) {
                c.rollback();
                if ("23505".equals(ex.getSQLState())) {
                    throw inProgress();
                }
                throw ex;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(PushFailure.of(e, null, RequestIds.current()));
        }
    }

    private Path spoolRoot() {
        return config.push().spoolDir().map(Path::of).orElse(Path.of(System.getProperty("java.io.tmpdir"), "gems-indicators-spool"));
    }

    /** This process's own spool folder. */
    private Path spoolDir() {
        return spoolRoot().resolve(String.valueOf(ProcessHandle.current().pid()));
    }

    /** A push's view, readable by its agency, its author, admins and auditors. */
    public Optional<PushView> find(long id, Caller caller) {
        try (Connection c = dataSource.getConnection()) {
            Optional<PushStore.Row> row = PushStore.find(c, id, config.push().inlineRejections());
            row.ifPresent(r -> requireReadable(r.view(), caller));
            return row.map(PushStore.Row::view);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<PushView.RejectionView> rejections(long id, int page, int size, Caller caller) {
        find(id, caller).orElseThrow(() -> ProblemException.notFound("Push", id));
        try (Connection c = dataSource.getConnection()) {
            return PushStore.rejectionPage(c, id, (long) page * size, size);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long rejectionCount(long id) {
        try (Connection c = dataSource.getConnection()) {
            return PushStore.rejectionCount(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Batches of the caller's agency (admins and auditors see all). */
    public vn.gems.common.http.PageView<PushView> list(Caller caller, vn.gems.common.http.Paging paging) {
        String agency = caller.hasAnyRole(Roles.ADMIN, Roles.AUDITOR) ? null : caller.requireAgency();
        try (Connection c = dataSource.getConnection()) {
            return new vn.gems.common.http.PageView<>(PushStore.list(c, agency, (long) paging.page() * paging.size(), paging.size()),
                    PushStore.count(c, agency), paging.page(), paging.size());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void requireReadable(PushView v, Caller caller) {
        if (caller.hasAnyRole(Roles.ADMIN, Roles.AUDITOR, Roles.SERVICE)) {
            return;
        }
        boolean own = caller.username() != null && caller.username().equals(v.createdBy());
        boolean sameAgency = caller.agency().map(a -> a.equals(v.source().agency())).orElse(false);
        if (!own && !sameAgency) {
            throw ProblemException.forbidden("NOT_YOUR_PUSH", "This push belongs to another agency");
        }
    }

    /** What an earlier push with the same key means for this request: an answer to replay, or a failed push to run again. */
    private record Replay(Answer answer, Long reopened) {
    }

    /**
     * The same key and the same file: a finished push replays its answer (201, 200, 202, or its 400/422 problem); one
     * still running answers 409 with Retry-After; one that failed without writing anything (interrupted, or an error on
     * our side) is opened again and runs under the same id, so the retry completes it.
     */
    private Replay replay(String scope, String key, String sha256) {
        try (Connection c = dataSource.getConnection()) {
            Optional<PushStore.Row> existing = PushStore.findByKey(c, scope, key, config.push().inlineRejections());
            if (existing.isEmpty()) {
                return new Replay(null, null);
            }
            PushStore.Row row = existing.get();
            if (!sha256.equals(row.contentSha256())) {
                throw ProblemException.unprocessable("IDEMPOTENCY_KEY_REUSED", "Idempotency-Key",
                        "This Idempotency-Key was already used with a different file");
            }
            if (row.retryable()) {
                if (!PushStore.reopen(c, row.view().id())) {
                    throw inProgress();
                }
                LOG.infof("push %d: failed earlier (%s) without writing; run again for a retry with its Idempotency-Key",
                        row.view().id(), row.view().failureCode());
                return new Replay(null, row.view().id());
            }
            if (row.running() || row.responseStatus() == null) {
                throw inProgress();
            }
            int status = row.responseStatus();
            if (status >= 400) {
                throw replayedFailure(row.view(), status);
            }
            return new Replay(new Answer(status, row.view()), null);
        } catch (SQLException e) {
            throw failure(PushFailure.of(e, null, RequestIds.current()));
        }
    }

    /** 409 while a push with the same key runs: the client retries after a few seconds and gets the stored answer. */
    static ProblemException inProgress() {
        return new ProblemException(409, "PUSH_IN_PROGRESS", "Conflict",
                "A push with this Idempotency-Key is under way; send the same request again after Retry-After seconds to get its answer",
                List.of(), Map.of("Retry-After", String.valueOf(RETRY_AFTER_SECONDS)));
    }

    static final int RETRY_AFTER_SECONDS = 5;

    /** The problem a failure on our side answers: a stable code, a sentence, nothing internal. */
    static ProblemException failure(PushFailure f) {
        return new ProblemException(f.status(), f.code(), f.status() == 503 ? "Service unavailable" : "Internal error", f.sentence(), List.of(),
                f.status() == 503 ? Map.of("Retry-After", String.valueOf(RETRY_AFTER_SECONDS)) : Map.of());
    }

    /** The 4xx a rejected push answers, rebuilt from its stored summary. */
    public static ProblemException replayedFailure(PushView v, int status) {
        if (status == 422) {
            return rejected(v);
        }
        return new ProblemException(status, v.failureCode() == null ? "INVALID_FILE" : v.failureCode(), "Bad request",
                v.message() == null ? "The file cannot be a push" : v.message(), List.of(), Map.of());
    }

    /** 422 for an all-or-nothing push with bad rows: the first rejections inline, every one in the push resource. */
    public static ProblemException rejected(PushView v) {
        List<FieldError> errors = new ArrayList<>();
        for (PushView.RejectionView r : v.rejections()) {
            errors.add(new FieldError("lines[" + r.line() + "]." + r.column(), r.code(), r.message()));
        }
        return new ProblemException(422, "PUSH_REJECTED", "Unprocessable content", v.rowsRejected() + " row(s) rejected, nothing was written; "
                + "every rejection is listed at /api/values/pushes/" + v.id() + "/rejections", errors,
                Map.of("Location", "/api/values/pushes/" + v.id()));
    }

    private PushView view(Connection side, long id) throws SQLException {
        return PushStore.find(side, id, config.push().inlineRejections()).orElseThrow().view();
    }

    private RowSource open(PushCommand.Format format, InputStream in, Catalogue.Snapshot cat) throws IOException {
        return switch (format) {
            case CSV -> new CsvRowSource(in, cat.dimensionCodes);
            case JSONL -> JsonRowSource.lines(in);
            case JSON -> JsonRowSource.array(in);
        };
    }

    /** A replace push's slice: what rows may be in the file, what to retire, and how the summary names it. */
    private record SliceSpec(RowValidator.Slice slice, ValueMerge.Retire retire, String text) {
    }

    /** The replace slice from the query: indicators, periods and a unit whose territory (as it was in each period) is covered. */
    private SliceSpec slice(Catalogue.Snapshot cat, PushCommand cmd) {
        List<FieldError> errors = new ArrayList<>();
        if (cmd.sliceIndicators() == null || cmd.sliceIndicators().isEmpty()) {
            errors.add(new FieldError("indicators", "REQUIRED", "REPLACE needs the slice's indicators"));
        }
        if (cmd.slicePeriods() == null || cmd.slicePeriods().isEmpty()) {
            errors.add(new FieldError("periods", "REQUIRED", "REPLACE needs the slice's periods"));
        }
        if (cmd.sliceUnit() == null || cmd.sliceUnit().isBlank()) {
            errors.add(new FieldError("unit", "REQUIRED", "REPLACE needs the unit whose territory the slice covers"));
        }
        BitSet indicators = new BitSet();
        List<Integer> ids = new ArrayList<>();
        if (cmd.sliceIndicators() != null) {
            for (String code : cmd.sliceIndicators()) {
                cat.indicator(code.trim()).ifPresentOrElse(i -> {
                    indicators.set(i.id());
                    ids.add(i.id());
                }, () -> errors.add(new FieldError("indicators", "UNKNOWN_INDICATOR", "indicator " + code + " is not in the catalogue")));
            }
        }
        Hierarchy.Node unit = cmd.sliceUnit() == null ? null : cat.hierarchy.find(cmd.sliceUnit().trim()).orElse(null);
        if (cmd.sliceUnit() != null && !cmd.sliceUnit().isBlank() && unit == null) {
            errors.add(new FieldError("unit", "UNKNOWN_UNIT", "administrative unit " + cmd.sliceUnit() + " does not exist"));
        }
        Map<String, BitSet> units = new LinkedHashMap<>();
        Map<String, int[]> retireUnits = new LinkedHashMap<>();
        if (cmd.slicePeriods() != null) {
            for (String p : cmd.slicePeriods()) {
                Optional<Period> period = Period.parse(p);
                if (period.isEmpty()) {
                    errors.add(new FieldError("periods", "INVALID_PERIOD", "period " + p + " is not a year, half-year, quarter or month"));
                } else if (unit != null) {
                    LocalDate day = unit.clamp(period.get().end());
                    BitSet t = cat.hierarchy.territory(unit, day);
                    units.put(period.get().toString(), t);
                    retireUnits.put(period.get().toString(), t.stream().toArray());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("INVALID_SLICE", "The slice to replace is not valid", errors.toArray(FieldError[]::new));
        }
        String text = "indicators=" + String.join(",", cmd.sliceIndicators()) + ";periods=" + String.join(",", units.keySet())
                + ";unit=" + unit.code;
        return new SliceSpec(new RowValidator.Slice(indicators, units),
                new ValueMerge.Retire(ids.stream().mapToInt(Integer::intValue).toArray(), retireUnits), text);
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

    private static void close(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // nothing left to do
            }
        }
    }

    /** One push: its two connections and counters, from receiving the file to the final summary. */
    private final class Job {
        final long id;
        final PushCommand cmd;
        final Writer writer;
        final Connection side;
        final Connection data;
        final ValueMerge merge;
        final ValueMerge.Retire retire;
        final Rejections rejections;
        final GroupChecks groups;
        final Spool spool;
        final StageFile stage;
        final String requestId = RequestIds.current();
        InputStream input;
        long read;
        int responseStatus;
        private int seq;
        private boolean closed;

        Job(long id, PushCommand cmd, Writer writer, Catalogue.Snapshot cat, Connection side, Connection data, ValueMerge.Retire retire,
            Spool spool) throws IOException {
            this.id = id;
            this.cmd = cmd;
            this.writer = writer;
            this.side = side;
            this.data = data;
            this.retire = retire;
            this.spool = spool;
            this.merge = new ValueMerge(data, cat);
            this.groups = new GroupChecks(cat);
            this.rejections = new Rejections(config.push().inlineRejections(), this::store);
            this.stage = StageFile.onDisk(spoolDir());
        }

        void store(List<RowError> errors, char severity) {
            try {
                PushStore.rejections(side, id, seq, errors, severity);
                seq += errors.size();
            } catch (SQLException e) {
                throw new IllegalStateException("rejections not recorded", e);
            }
        }

        /** Reads the spooled file row by row: validated rows go to the stage file, the rest to the rejections. */
        void receive(RowSource rows, RowValidator validator) throws IOException, SQLException {
            RawRow row = new RawRow();
            List<RowError> errors = new ArrayList<>();
            int every = Math.max(1000, config.push().progressEvery());
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
                    PushStore.progress(side, id, "RECEIVING", read, stage.rows(), rejections.rows());
                    lastProgress = System.nanoTime();
                }
            }
            stage.finish();
            merge.mark("read+validate");
            rejections.flush();
            PushStore.progress(side, id, "VALIDATING", read, stage.rows(), rejections.rows());
        }

        void complete() throws SQLException, IOException {
            merge.begin(config.push().workMem());
            ValueMerge.Counts counts;
            if (direct()) {
                PushStore.progress(side, id, "MERGING", read, stage.rows(), rejections.rows());
                counts = merge.insertDirect(stage, id);
            } else {
                merge.stage(stage);
                // A dry run counts what the good rows would do, whatever the onError mode.
                boolean ok = MergeSteps.check(merge, groups, writer, cmd.replace(), cmd.skipBad() || cmd.dryRun(), true, rejections,
                        phase -> PushStore.progress(side, id, phase, read, merge.staged(), rejections.rows()));
                if (!ok && !cmd.dryRun()) {
                    data.rollback();
                    responseStatus = 422;
                    PushStore.finish(side, id, PushStore.Outcome.failed(read, rejections.rows(), "ROWS_REJECTED",
                            rejections.rows() + " row(s) rejected; nothing was written", 422));
                    return;
                }
                PushStore.progress(side, id, "MERGING", read, merge.staged(), rejections.rows());
                counts = cmd.dryRun() ? merge.dryRun(retire, writer.agency(), writer.privileged())
                        : merge.merge(id, retire, writer.agency(), writer.privileged());
            }
            if (cmd.dryRun()) {
                data.rollback();
            } else {
                data.commit();
            }
            merge.mark("commit");
            LOG.infof("push %d: %d rows read, %d accepted, %d rejected; %s", id, read, merge.staged(), rejections.rows(), merge.timings());
            responseStatus = cmd.dryRun() ? 200 : 201;
            String message = cmd.dryRun() ? "dry run: nothing was written" + (rejections.rows() > 0 ? "; " + rejections.rows() + " row(s) would be rejected" : "")
                    : cmd.skipBad() && rejections.rows() > 0 ? rejections.rows() + " bad row(s) skipped, the good rows were committed" : null;
            if (rejections.warnings() > 0) {
                message = (message == null ? "" : message + "; ") + rejections.warnings() + " identical duplicate row(s) kept once";
            }
            PushStore.finish(side, id, PushStore.Outcome.succeeded(!cmd.dryRun(), read, merge.staged(), rejections.rows(), counts,
                    message, responseStatus, String.join(",", stage.slices())));
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
            ValueMerge.lock(data, stage.indicators());
            return ValueMerge.fresh(data, stage.slices());
        }

        /** The background path: read the spooled file, check, merge, record the summary. */
        void run(RowSource rows, RowValidator validator) {
            if (requestId != null) {
                org.jboss.logging.MDC.put(RequestIds.MDC_KEY, requestId);
            }
            try {
                receive(rows, validator);
                complete();
            } catch (RowSource.InvalidInput e) {
                fail(400, e.code(), e.getMessage());
            } catch (Throwable e) {
                PushFailure f = PushFailure.of(e, id, requestId);
                fail(f.status(), f.code(), f.sentence());
            } finally {
                close();
                spool.close();
                org.jboss.logging.MDC.remove(RequestIds.MDC_KEY);
            }
        }

        void fail(int status, String code, String message) {
            responseStatus = status;
            try {
                data.rollback();
            } catch (SQLException e) {
                // connection broken: nothing was committed
            }
            try {
                rejections.flush();
                PushStore.finish(side, id, PushStore.Outcome.failed(read, rejections.rows(), code, message, status));
            } catch (SQLException | RuntimeException e) {
                LOG.warnf(e, "push %d: could not record its failure (request %s)", id, requestId);
            }
        }

        void close() {
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
            PushService.close(data);
            PushService.close(side);
        }
    }

}
