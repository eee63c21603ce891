package vn.gems.indicators.push.service;

import vn.gems.indicators.push.PushCommand;
import vn.gems.indicators.push.merge.ValueMerge;
import vn.gems.indicators.push.merge.Watermarks;
import vn.gems.indicators.push.rest.PushView;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.BitSet;
import java.util.Optional;

/**
 * An identical re-push: the same bytes, pushed the same way by the same writer, against the same catalogue, as an
 * earlier clean push whose slices have not changed since. The database already holds exactly this file: nothing is
 * read again and nothing is written but the push's own record, committed with its SUCCEEDED status in one transaction.
 */
@ApplicationScoped
public class IdenticalPush {

    private static final Logger LOG = Logger.getLogger(IdenticalPush.class);

    private final AgroalDataSource dataSource;

    public IdenticalPush(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Whether a push may be recognised at all: a plain upsert that writes (not a dry run, replace or skip push). */
    public static boolean eligible(PushCommand cmd) {
        return !cmd.replace() && !cmd.dryRun() && !cmd.skipBad();
    }

    /** The finished push record standing for {@code p}, or empty when the file must be read. */
    public Optional<PushView> recognise(PushStore.NewPush p) throws SQLException {
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
                BitSet indicators = new BitSet();
                e.slices().forEach(sl -> indicators.set(Integer.parseInt(sl.substring(0, sl.indexOf(':')))));
                Watermarks.lock(c, indicators);
                if (!Watermarks.unchangedSince(c, e.id(), e.slices())) {
                    c.rollback();
                    return Optional.empty();
                }
                long id = PushStore.insert(c, p);
                PushAttempts.finish(c, id, PushAttempts.Outcome.succeeded(true, e.rowsRead(), e.rowsAccepted(), 0,
                        new ValueMerge.Counts(0, 0, 0, 0), "identical to push " + e.id() + ", and none of its slices changed since: nothing to write",
                        201, String.join(",", e.slices())));
                c.commit();
                LOG.infof("push %d: identical to push %d, nothing changed since; %d rows not read again", id, e.id(), e.rowsRead());
                return Optional.of(PushStore.find(c, id, 0).orElseThrow().view());
            } catch (SQLException ex) {
                c.rollback();
                throw ex;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }
}
