package vn.gems.indicators.push.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Collects row errors as they are found: keeps the first few for the answer, hands the rest to a store in
 * batches (file pushes keep every rejection in the database), and counts rejected rows. Parse-time errors
 * arrive in line order; errors found by the set checks arrive in any order and their lines are kept (as
 * primitive longs) so those rows can be dropped in commit-good-rows mode.
 */
public final class Rejections implements Consumer<RowError> {

    private final int inline;
    private final BiConsumer<List<RowError>, Character> store;
    private final List<RowError> first = new ArrayList<>();
    private final List<RowError> pending = new ArrayList<>();
    private final List<RowError> pendingWarnings = new ArrayList<>();
    private long errors;
    private long warnings;
    private long parseRows;
    private long lastParseLine = Long.MIN_VALUE;
    private boolean setPhase;
    private long[] setLines = new long[64];
    private int setCount;
    private long[] allSetLines = new long[0];

    /**
     * {@code store} receives every error (severity E) and warning (W) in batches, or is null to keep the errors in
     * {@link #first()} (small batches only).
     */
    public Rejections(int inline, BiConsumer<List<RowError>, Character> store) {
        this.inline = store == null ? Integer.MAX_VALUE : inline;
        this.store = store;
    }

    @Override
    public void accept(RowError e) {
        errors++;
        if (first.size() < inline) {
            first.add(e);
        }
        if (store != null) {
            pending.add(e);
            if (pending.size() >= 1000) {
                flush();
            }
        }
        if (setPhase) {
            if (setCount == setLines.length) {
                setLines = Arrays.copyOf(setLines, setCount * 2);
            }
            setLines[setCount++] = e.line();
        } else if (e.line() != lastParseLine) {
            parseRows++;
            lastParseLine = e.line();
        }
    }

    /** A row kept or dropped without harm (an identical duplicate): reported, not counted as rejected. */
    public void warn(RowError w) {
        warnings++;
        if (store != null) {
            pendingWarnings.add(w);
            if (pendingWarnings.size() >= 1000) {
                flush();
            }
        }
    }

    public long warnings() {
        return warnings;
    }

    /** From now on errors come from the set checks (any line order). */
    public void setPhase() {
        setPhase = true;
    }

    /** Distinct lines rejected by the set checks since the last call, sorted. */
    public long[] takeSetLines() {
        long[] lines = distinct(Arrays.copyOf(setLines, setCount));
        setCount = 0;
        long[] merged = Arrays.copyOf(allSetLines, allSetLines.length + lines.length);
        System.arraycopy(lines, 0, merged, allSetLines.length, lines.length);
        allSetLines = distinct(merged);
        return lines;
    }

    private static long[] distinct(long[] lines) {
        Arrays.sort(lines);
        int n = 0;
        for (int i = 0; i < lines.length; i++) {
            if (i == 0 || lines[i] != lines[i - 1]) {
                lines[n++] = lines[i];
            }
        }
        return Arrays.copyOf(lines, n);
    }

    public void flush() {
        if (store != null && !pending.isEmpty()) {
            store.accept(new ArrayList<>(pending), 'E');
            pending.clear();
        }
        if (store != null && !pendingWarnings.isEmpty()) {
            store.accept(new ArrayList<>(pendingWarnings), 'W');
            pendingWarnings.clear();
        }
    }

    public long errors() {
        return errors;
    }

    /** Rows rejected so far (set-check lines count once {@link #takeSetLines()} has collected them). */
    public long rows() {
        return parseRows + allSetLines.length;
    }

    public List<RowError> first() {
        return first;
    }
}
