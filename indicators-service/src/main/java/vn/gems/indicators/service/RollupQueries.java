package vn.gems.indicators.service;

import jakarta.enterprise.context.ApplicationScoped;
import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemException;
import vn.gems.indicators.Period;
import vn.gems.indicators.config.IndicatorsConfig;
import vn.gems.indicators.mapping.Dims;
import vn.gems.indicators.rest.RollupView;
import vn.gems.indicators.rest.RollupsInput;
import vn.gems.indicators.rest.SeriesView;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/** Turns roll-up requests (codes, periods) into queries, for the internal and the public API. */
@ApplicationScoped
public class RollupQueries {

    private final Catalogue catalogue;
    private final RollupService rollups;
    private final PublicationService publications;
    private final IndicatorsConfig config;

    public RollupQueries(Catalogue catalogue, RollupService rollups, PublicationService publications, IndicatorsConfig config) {
        this.catalogue = catalogue;
        this.rollups = rollups;
        this.publications = publications;
        this.config = config;
    }

    public RollupView one(String indicator, String unit, String period, String dims, LocalDate asOf, boolean publicOnly) {
        Catalogue.Snapshot cat = catalogue.current();
        IndicatorMeta ind = Lookup.indicator(cat, indicator);
        Hierarchy.Node u = Lookup.unit(cat, unit);
        Period p = Lookup.period(period, "period");
        Map<String, String> d = Dims.parse(Lookup.dims(dims));
        if (publicOnly) {
            requirePublished(cat, ind, u, p);
        }
        return rollups.rollups(cat, List.of(new RollupService.Query(ind, u, p, d, asOf == null ? LocalDate.now() : asOf)), publicOnly).get(0);
    }

    public RollupsInput.Result many(RollupsInput in) {
        if (in.queries().size() > config.rollup().maxQueries()) {
            throw ProblemException.badRequest("TOO_MANY_QUERIES", "At most " + config.rollup().maxQueries() + " roll-ups per request",
                    new FieldError("queries", "SIZE", "at most " + config.rollup().maxQueries()));
        }
        Catalogue.Snapshot cat = catalogue.current();
        LocalDate asOf = in.asOf() == null ? LocalDate.now() : in.asOf();
        List<RollupService.Query> queries = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < in.queries().size(); i++) {
            RollupsInput.Query q = in.queries().get(i);
            IndicatorMeta ind = cat.indicator(q.indicator().trim()).orElse(null);
            Hierarchy.Node u = cat.hierarchy.find(q.unit().trim()).orElse(null);
            Period p = Period.parse(q.period()).orElse(null);
            if (ind == null) {
                errors.add(new FieldError("queries[" + i + "].indicator", "UNKNOWN_INDICATOR", "indicator " + q.indicator() + " is not in the catalogue"));
            }
            if (u == null) {
                errors.add(new FieldError("queries[" + i + "].unit", "UNKNOWN_UNIT", "unit " + q.unit() + " does not exist"));
            }
            if (p == null) {
                errors.add(new FieldError("queries[" + i + "].period", "INVALID_PERIOD", "period " + q.period() + " is not a period"));
            }
            if (ind != null && u != null && p != null) {
                queries.add(new RollupService.Query(ind, u, p, q.dimensions() == null ? Map.of() : q.dimensions(), asOf));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("INVALID_QUERIES", errors.size() + " roll-up quer(ies) name unknown codes", errors);
        }
        return new RollupsInput.Result(rollups.rollups(cat, queries, false));
    }

    public SeriesView series(String indicator, String unit, String periods, Integer fromYear, Integer toYear, String dims, LocalDate asOf,
                             boolean publicOnly) {
        Catalogue.Snapshot cat = catalogue.current();
        IndicatorMeta ind = Lookup.indicator(cat, indicator);
        Hierarchy.Node u = Lookup.unit(cat, unit);
        List<Period> list = new ArrayList<>();
        if (periods != null && !periods.isBlank()) {
            for (String p : periods.split(",")) {
                list.add(Lookup.period(p.trim(), "periods"));
            }
        } else if (fromYear != null && toYear != null && fromYear <= toYear) {
            for (int y = fromYear; y <= toYear && list.size() <= config.rollup().maxPeriods(); y++) {
                list.add(Lookup.period(String.valueOf(y), "from"));
            }
        } else {
            throw ProblemException.badRequest("PERIODS_REQUIRED", "Give periods=2021,2022 or from=2021&to=2025",
                    new FieldError("periods", "REQUIRED", "periods, or from and to"));
        }
        if (list.size() > config.rollup().maxPeriods()) {
            throw ProblemException.badRequest("TOO_MANY_PERIODS", "At most " + config.rollup().maxPeriods() + " periods",
                    new FieldError("periods", "SIZE", "at most " + config.rollup().maxPeriods()));
        }
        Map<String, String> d = Dims.parse(Lookup.dims(dims));
        LocalDate day = asOf == null ? LocalDate.now() : asOf;
        List<RollupService.Query> queries = new ArrayList<>();
        for (Period p : list) {
            if (publicOnly && !published(cat, ind, u, p)) {
                continue;
            }
            queries.add(new RollupService.Query(ind, u, p, d, day));
        }
        return new SeriesView(ind.code(), u.code, u.clamp(day), rollups.rollups(cat, queries, publicOnly));
    }

    private void requirePublished(Catalogue.Snapshot cat, IndicatorMeta ind, Hierarchy.Node u, Period p) {
        if (!published(cat, ind, u, p)) {
            throw ProblemException.notFound("Published data set", ind.code() + " " + p + " for " + u.code);
        }
    }

    private boolean published(Catalogue.Snapshot cat, IndicatorMeta ind, Hierarchy.Node u, Period p) {
        BitSet units = publications.publishedUnits(cat, ind.id(), p.toString());
        return units.get(u.id);
    }
}
