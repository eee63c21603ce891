package vn.gems.indicators.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import vn.gems.common.problem.ProblemException;
import vn.gems.common.security.Caller;
import vn.gems.common.security.Roles;
import vn.gems.indicators.AdminUnit;
import vn.gems.indicators.Indicator;
import vn.gems.indicators.Period;
import vn.gems.indicators.Publication;
import vn.gems.indicators.rest.PublicationInput;

import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Publishing: a data set (indicator × period × a unit's territory) is made public by an administrator or by
 * a reviewer or statistics pusher of an agency that supplies the indicator there. Only final values inside a
 * published set reach the portal; provisional ones stay internal.
 */
@ApplicationScoped
@Transactional
public class PublicationService {

    private final Caller caller;
    private final Catalogue catalogue;

    public PublicationService(Caller caller, Catalogue catalogue) {
        this.caller = caller;
        this.catalogue = catalogue;
    }

    public List<Publication> list(String indicator, String period) {
        if (indicator != null && period != null) {
            return Publication.list("indicator.code = ?1 and period = ?2 order by id", indicator, period);
        }
        if (indicator != null) {
            return Publication.list("indicator.code = ?1 order by id", indicator);
        }
        return Publication.list("order by id");
    }

    public Optional<Publication> find(long id) {
        return Publication.findByIdOptional(id);
    }

    public Publication publish(@Valid @NotNull PublicationInput in) {
        Indicator ind = Indicator.<Indicator>find("code", in.indicator().trim()).firstResultOptional()
                .orElseThrow(() -> ProblemException.unprocessable("UNKNOWN_INDICATOR", "indicator", "indicator " + in.indicator() + " is not in the catalogue"));
        AdminUnit unit = AdminUnit.<AdminUnit>find("code", in.unit().trim()).firstResultOptional()
                .orElseThrow(() -> ProblemException.unprocessable("UNKNOWN_UNIT", "unit", "unit " + in.unit() + " does not exist"));
        Period period = Period.parse(in.period()).orElseThrow(() -> ProblemException.unprocessable("INVALID_PERIOD", "period",
                "period " + in.period() + " is not a year, half-year, quarter or month"));
        requireMayPublish(ind.code, unit.id);
        if (Publication.count("indicator = ?1 and period = ?2 and unit = ?3", ind, period.toString(), unit) > 0) {
            throw ProblemException.conflict("ALREADY_PUBLISHED", ind.code + " " + period + " for " + unit.code + " is already published");
        }
        Publication p = new Publication();
        p.indicator = ind;
        p.period = period.toString();
        p.unit = unit;
        p.publishedBy = caller.username();
        p.publishedAgency = caller.agency().orElse(null);
        p.persist();
        return p;
    }

    public boolean withdraw(long id) {
        Optional<Publication> p = find(id);
        p.ifPresent(x -> {
            requireMayPublish(x.indicator.code, x.unit.id);
            x.delete();
        });
        return p.isPresent();
    }

    /** The units whose final values of the indicator and period are public (the published territories, as of today). */
    public BitSet publishedUnits(Catalogue.Snapshot cat, int indicatorId, String period) {
        BitSet out = new BitSet();
        LocalDate today = LocalDate.now();
        for (Publication p : Publication.<Publication>list("indicator.id = ?1 and period = ?2", indicatorId, period)) {
            cat.hierarchy.find(p.unit.code).ifPresent(n -> out.or(cat.hierarchy.territory(n, n.clamp(today))));
        }
        return out;
    }

    private void requireMayPublish(String indicatorCode, int unitId) {
        if (caller.hasRole(Roles.ADMIN)) {
            return;
        }
        Catalogue.Snapshot cat = catalogue.current();
        String agency = caller.requireAgency();
        IndicatorMeta ind = cat.indicator(indicatorCode).orElseThrow();
        if (!caller.hasAnyRole(Roles.REVIEWER, Roles.STATS_PUSHER) || !cat.suppliersOf(ind, unitId).contains(agency)) {
            throw ProblemException.forbidden("NOT_YOUR_DATA_SET", "Only an administrator, or a reviewer or statistics pusher of an agency "
                    + "that supplies " + indicatorCode + " for this unit, publishes it");
        }
    }
}
