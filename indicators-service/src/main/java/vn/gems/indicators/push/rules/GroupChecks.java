package vn.gems.indicators.push.rules;

import vn.gems.indicators.service.Catalogue;
import vn.gems.indicators.service.IndicatorMeta;

import vn.gems.indicators.Aggregation;
import vn.gems.indicators.Period;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules across rows, checked in memory while rows stream in, so no extra pass over the staging table is
 * needed: the same key twice (duplicates) and female + male = total for additive indicators (counts, and the
 * numerators and denominators of rates). A group (indicator, unit, period, dimensions) costs one open-addressing
 * slot of 33 bytes, about a fortieth of its CSV text; past {@link #MAX_SLOTS} the checks fall back to SQL over
 * the staging table, so memory stays bounded whatever the file size.
 */
public final class GroupChecks {

    static final int MAX_SLOTS = 1 << 21;
    static final byte F = 1, M = 2, T = 4, N = 8, DUP = 16, INEXACT = 32, NO_PARTS = 64;

    /** A group found in memory that needs SQL: its lines reported, or its missing sexes compared with stored values. */
    public record Group(int indicatorId, int unitId, String period, String dims, char problem) {
    }

    private final Catalogue.Snapshot catalogue;
    private long[] keys = new long[1 << 14];
    private byte[] masks = new byte[1 << 14];
    private long[] sv = new long[1 << 14];
    private long[] su = new long[1 << 14];
    private long[] sd = new long[1 << 14];
    private int size;
    private boolean overflow;
    private final Map<String, Integer> dimsIds = new HashMap<>();
    private final List<String> dimsById = new ArrayList<>();
    private final Map<String, Integer> periodCodes = new HashMap<>();

    public GroupChecks(Catalogue.Snapshot catalogue) {
        this.catalogue = catalogue;
        dimsIds.put("", 0);
        dimsById.add("");
    }

    /** True once the groups outgrew memory: the caller runs the SQL checks instead. */
    public boolean overflowed() {
        return overflow;
    }

    public void add(StagedRow r) {
        if (overflow) {
            return;
        }
        Integer dims = dimsIds.get(r.dims());
        if (dims == null) {
            dims = dimsById.size();
            dimsIds.put(r.dims(), dims);
            dimsById.add(r.dims());
        }
        int period = periodCodes.computeIfAbsent(r.period(), GroupChecks::periodCode);
        if (r.indicatorId() >= 1 << 16 || r.unitId() >= 1 << 24 || dims >= 1 << 12 || period < 0) {
            overflow();
            return;
        }
        long key = ((long) r.indicatorId() << 48) | ((long) r.unitId() << 24) | ((long) period << 12) | dims;
        if (size * 5L >= keys.length * 3L) {
            if (keys.length >= MAX_SLOTS) {
                overflow();
                return;
            }
            grow();
        }
        int slot = slot(key);
        if (keys[slot] == 0) {
            keys[slot] = key;
            size++;
        }
        byte bit = switch (r.sex()) {
            case 'F' -> F;
            case 'M' -> M;
            case 'T' -> T;
            default -> N;
        };
        if ((masks[slot] & bit) != 0) {
            masks[slot] |= DUP;
        }
        masks[slot] |= bit;
        IndicatorMeta ind = catalogue.indicator(r.indicatorId());
        if (ind == null || !ind.additiveBySex() || bit == N) {
            return;
        }
        long sign = bit == T ? -1 : 1;
        try {
            if (ind.aggregation() == Aggregation.SUM) {
                sv[slot] = Math.addExact(sv[slot], sign * exact(r.value()));
            } else if (r.numerator() == null || r.denominator() == null) {
                masks[slot] |= NO_PARTS;
            } else {
                su[slot] = Math.addExact(su[slot], sign * exact(r.numerator()));
                sd[slot] = Math.addExact(sd[slot], sign * exact(r.denominator()));
            }
        } catch (ArithmeticException e) {
            masks[slot] |= INEXACT;
        }
    }

    /**
     * The groups SQL must look at: D duplicates, S/R female + male ≠ total (sum / rate parts), X sums that are not
     * whole numbers (checked in SQL), and I (only {@code withIncomplete}) additive groups bringing one or two of
     * female, male, total, to compare with the stored others.
     */
    public List<Group> groups(boolean withIncomplete) {
        List<Group> out = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            long key = keys[i];
            if (key == 0) {
                continue;
            }
            byte m = masks[i];
            int indicatorId = (int) (key >>> 48);
            IndicatorMeta ind = catalogue.indicator(indicatorId);
            char problem = 0;
            int sexes = Integer.bitCount(m & (F | M | T));
            if ((m & DUP) != 0) {
                problem = 'D';
            } else if (ind != null && ind.additiveBySex() && sexes > 0) {
                if ((m & INEXACT) != 0) {
                    problem = 'X';
                } else if (sexes == 3) {
                    if (ind.aggregation() == Aggregation.SUM ? sv[i] != 0 : (m & NO_PARTS) == 0 && (su[i] != 0 || sd[i] != 0)) {
                        problem = ind.aggregation() == Aggregation.SUM ? 'S' : 'R';
                    }
                } else if (withIncomplete) {
                    problem = 'I';
                }
            }
            if (problem != 0) {
                out.add(new Group(indicatorId, (int) ((key >>> 24) & 0xFFFFFF), periodText((int) ((key >>> 12) & 0xFFF)),
                        dimsById.get((int) (key & 0xFFF)), problem));
            }
        }
        return out;
    }

    private static long exact(BigDecimal d) {
        return d.longValueExact();
    }

    private int slot(long key) {
        int mask = keys.length - 1;
        int i = (int) (mix(key) & mask);
        while (keys[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] oldKeys = keys;
        byte[] oldMasks = masks;
        long[] oldSv = sv;
        long[] oldSu = su;
        long[] oldSd = sd;
        int n = oldKeys.length * 2;
        keys = new long[n];
        masks = new byte[n];
        sv = new long[n];
        su = new long[n];
        sd = new long[n];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int s = slot(oldKeys[i]);
                keys[s] = oldKeys[i];
                masks[s] = oldMasks[i];
                sv[s] = oldSv[i];
                su[s] = oldSu[i];
                sd[s] = oldSd[i];
            }
        }
    }

    private void overflow() {
        overflow = true;
        keys = null;
        masks = null;
        sv = su = sd = null;
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x;
    }

    /** 12 bits: years 1900–2100 × 19 sub-periods (year, 2 halves, 4 quarters, 12 months). */
    public static int periodCode(String text) {
        Period p = Period.parse(text).orElse(null);
        if (p == null) {
            return -1;
        }
        int sub = switch (p.kind()) {
            case YEAR -> 0;
            case HALF -> p.index();
            case QUARTER -> 2 + p.index();
            case MONTH -> 6 + p.index();
        };
        int code = (p.year() - Period.MIN_YEAR) * 19 + sub;
        return code < 1 << 12 ? code : -1;
    }

    public static String periodText(int code) {
        int year = Period.MIN_YEAR + code / 19;
        int sub = code % 19;
        Period p = sub == 0 ? new Period(Period.Kind.YEAR, year, 0)
                : sub <= 2 ? new Period(Period.Kind.HALF, year, sub)
                : sub <= 6 ? new Period(Period.Kind.QUARTER, year, sub - 2)
                : new Period(Period.Kind.MONTH, year, sub - 6);
        return p.toString();
    }
}
