package vn.gems.indicators.push.merge;

import vn.gems.indicators.push.rules.GroupChecks;
import vn.gems.indicators.push.rules.Rejections;
import vn.gems.indicators.push.rules.ValueAuthor;

import java.sql.SQLException;

/** The steps after staging, shared by file pushes and JSON batches. */
public final class MergeSteps {

    private MergeSteps() {
    }

    /** Receives the phase a job is in, for progress reports. */
    public interface Phase {
        void enter(String phase) throws SQLException;
    }

    /**
     * Runs the set checks, the diff and the overwrite rule; in commit-good-rows mode drops what they reject. Files keep
     * one copy of an identical duplicate row (a warning); JSON batches refuse every duplicate key.
     * Returns false when rows were rejected and the batch must not commit (all-or-nothing mode).
     */
    public static boolean check(ValueMerge m, GroupChecks groups, ValueAuthor writer, boolean replace, boolean skipBad, boolean keepIdenticalDuplicates,
                         Rejections rejections, Phase phase) throws SQLException {
        phase.enter("VALIDATING");
        m.lock();
        rejections.setPhase();
        m.checkSets(groups, !replace, rejections, keepIdenticalDuplicates ? rejections::warn : null);
        long[] bad = rejections.takeSetLines();
        if (skipBad) {
            m.dropLines(bad, bad.length);
        }
        m.diff();
        if (!writer.privileged()) {
            m.checkOwnership(writer.agency(), rejections);
            long[] foreign = rejections.takeSetLines();
            if (skipBad) {
                m.dropLines(foreign, foreign.length);
            }
        }
        rejections.flush();
        return skipBad || rejections.errors() == 0;
    }
}
