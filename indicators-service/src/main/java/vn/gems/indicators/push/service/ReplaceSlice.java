package vn.gems.indicators.push.service;

import vn.gems.indicators.push.PushCommand;
import vn.gems.indicators.push.merge.ValueMerge;
import vn.gems.indicators.push.rules.RowValidator;
import vn.gems.indicators.service.Catalogue;
import vn.gems.indicators.service.Hierarchy;

import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemException;
import vn.gems.indicators.Period;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A replace push's slice, from its query: indicators × periods × a unit's territory as it was in each period. It says
 * which rows may be in the file ({@link #slice}), what to retire ({@link #retire}) and how the summary names it.
 */
public record ReplaceSlice(RowValidator.Slice slice, ValueMerge.Retire retire, String text) {

    /** An upsert: no slice. */
    public static final ReplaceSlice NONE = new ReplaceSlice(null, null, null);

    /** The slice of {@code cmd}, or 400 INVALID_SLICE naming every bad part. */
    public static ReplaceSlice of(Catalogue.Snapshot cat, PushCommand cmd) {
        if (!cmd.replace()) {
            return NONE;
        }
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
                }, () -> errors.add(new FieldError("indicators", "UNKNOWN_INDICATOR", "indicator " + RowValidator.show(code) + " is not in the catalogue")));
            }
        }
        Hierarchy.Node unit = cmd.sliceUnit() == null ? null : cat.hierarchy.find(cmd.sliceUnit().trim()).orElse(null);
        if (cmd.sliceUnit() != null && !cmd.sliceUnit().isBlank() && unit == null) {
            errors.add(new FieldError("unit", "UNKNOWN_UNIT", "administrative unit " + RowValidator.show(cmd.sliceUnit()) + " does not exist"));
        }
        Map<String, BitSet> units = new LinkedHashMap<>();
        Map<String, int[]> retireUnits = new LinkedHashMap<>();
        if (cmd.slicePeriods() != null) {
            for (String p : cmd.slicePeriods()) {
                Optional<Period> period = Period.parse(p);
                if (period.isEmpty()) {
                    errors.add(new FieldError("periods", "INVALID_PERIOD", "period " + RowValidator.show(p) + " is not a year, half-year, quarter or month"));
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
        return new ReplaceSlice(new RowValidator.Slice(indicators, units),
                new ValueMerge.Retire(ids.stream().mapToInt(Integer::intValue).toArray(), retireUnits), text);
    }
}
