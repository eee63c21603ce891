package vn.gems.indicators.service;

import vn.gems.indicators.push.input.RawRow;
import vn.gems.indicators.push.merge.MergeSteps;
import vn.gems.indicators.push.merge.StageFile;
import vn.gems.indicators.push.merge.ValueMerge;
import vn.gems.indicators.push.rules.GroupChecks;
import vn.gems.indicators.push.rules.Rejections;
import vn.gems.indicators.push.rules.RowError;
import vn.gems.indicators.push.rules.RowValidator;
import vn.gems.indicators.push.rules.StagedRow;
import vn.gems.indicators.push.rules.ValueAuthor;
import vn.gems.indicators.push.service.PushAttempts;
import vn.gems.indicators.push.service.PushStore;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemException;
import vn.gems.indicators.SourceKind;
import vn.gems.indicators.ValueStatus;
import vn.gems.indicators.config.IndicatorsConfig;
import vn.gems.indicators.rest.BatchInput;
import vn.gems.indicators.rest.BatchResult;
import vn.gems.indicators.rest.ValueInput;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON writes (a batch, or one value): the same rules and the same set-based merge as file pushes, in the
 * caller's transaction (so an Idempotency-Key reservation commits or rolls back with the values). Any bad
 * value rejects the whole batch with one error per value ({@code values[3].value}); nothing is written.
 */
@ApplicationScoped
@Transactional
public class ValueWriteService {

    private final AgroalDataSource dataSource;
    private final Catalogue catalogue;
    private final WritePolicy policy;
    private final IndicatorsConfig config;

    public ValueWriteService(AgroalDataSource dataSource, Catalogue catalogue, WritePolicy policy, IndicatorsConfig config) {
        this.dataSource = dataSource;
        this.catalogue = catalogue;
        this.policy = policy;
        this.config = config;
    }

    public BatchResult batch(BatchInput in) {
        if (in.values().size() > config.batch().maxValues()) {
            throw ProblemException.badRequest("BATCH_TOO_LARGE", "A batch holds at most " + config.batch().maxValues()
                    + " values; push larger loads as a file to POST /api/values/pushes",
                    new FieldError("values", "SIZE", "at most " + config.batch().maxValues() + " values"));
        }
        Catalogue.Snapshot cat = catalogue.current();
        SourceKind kind = in.source().kind();
        ValueAuthor writer = policy.author(kind, in.source().reference(), in.source().agency(), in.source().system(), cat);
        RowValidator validator = new RowValidator(cat, writer, ValueStatus.PROVISIONAL, null, false);
        List<StagedRow> staged = new ArrayList<>(in.values().size());
        List<RowError> errors = new ArrayList<>();
        RawRow raw = new RawRow();
        for (int i = 0; i < in.values().size(); i++) {
            fill(raw, i, in.values().get(i));
            StagedRow s = validator.validate(raw, errors);
            if (s != null) {
                staged.add(s);
            }
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        // Inside the transaction Agroal hands out the enlisted connection; closing it returns it at commit.
        try (Connection c = dataSource.getConnection()) {
            long batchId = PushStore.insert(c, new PushStore.NewPush("BATCH", "MERGING", "UPSERT", "JSON", false, "ABORT", kind.name(),
                    writer.reference(), writer.agency(), writer.system(), null, writer.username(), null, null, null, null, null));
            ValueMerge m = new ValueMerge(c, cat);
            GroupChecks groups = new GroupChecks(cat);
            StageFile stage = StageFile.inMemory();
            for (StagedRow s : staged) {
                stage.add(s);
                groups.add(s);
            }
            stage.finish();
            m.begin(config.push().workMem());
            m.stage(stage);
            Rejections rejections = new Rejections(0, null);
            if (!MergeSteps.check(m, groups, writer, false, false, false, rejections, phase -> {
            })) {
                throw invalid(rejections.first());
            }
            ValueMerge.Counts counts = m.merge(batchId, null, writer.agency(), writer.privileged());
            long n = staged.size();
            PushAttempts.finish(c, batchId, PushAttempts.Outcome.succeeded(true, n, n, 0, counts, null, 200, null));
            return new BatchResult(batchId, n, counts.inserted() + counts.updated(), n - counts.inserted() - counts.updated(),
                    counts.inserted(), counts.updated());
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("batch write failed", e);
        }
    }

    private static void fill(RawRow raw, int index, ValueInput v) {
        raw.clear(index);
        raw.indicator = v.indicatorCode();
        raw.unit = v.unitCode();
        raw.period = v.period();
        raw.sex = v.sex();
        raw.value = text(v.value());
        raw.numerator = text(v.numerator());
        raw.denominator = text(v.denominator());
        raw.status = v.status();
        if (v.dimensions() != null) {
            for (Map.Entry<String, String> d : v.dimensions().entrySet()) {
                raw.dims.put(d.getKey(), d.getValue());
            }
        }
    }

    /** Scientific notation for extreme exponents: the validator then refuses them without expanding 1E+999999999. */
    private static String text(BigDecimal d) {
        return d == null ? null : d.toString();
    }

    private static ProblemException invalid(List<RowError> errors) {
        List<FieldError> fields = errors.stream()
                .map(e -> new FieldError("values[" + e.line() + "]" + (e.column().startsWith("(") ? "" : "." + e.column()), e.code(), e.message()))
                .toList();
        long rows = errors.stream().mapToLong(RowError::line).distinct().count();
        return ProblemException.unprocessable("INVALID_VALUES", rows + " value(s) rejected; nothing was written", fields);
    }
}
