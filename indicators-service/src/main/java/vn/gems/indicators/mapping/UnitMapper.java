package vn.gems.indicators.mapping;

import vn.gems.contracts.indicators.UnitChange;
import vn.gems.indicators.UnitEvent;
import vn.gems.indicators.rest.UnitEventView;
import vn.gems.indicators.rest.UnitView;
import vn.gems.indicators.service.Hierarchy;

import java.time.LocalDate;
import java.util.List;

/** Units (from the in-memory hierarchy) and event entities → API records, in one place. */
public final class UnitMapper {

    private UnitMapper() {
    }

    /** The unit as of {@code asOf}; a unit that did not exist then is shown as on its first or last day. */
    public static UnitView toView(Hierarchy h, Hierarchy.Node n, LocalDate asOf) {
        LocalDate day = n.clamp(asOf);
        Hierarchy.Name name = n.nameOn(day).orElse(null);
        String parent = h.parentOn(n, day).map(p -> p.code).orElse(null);
        return new UnitView(n.code, name == null ? null : name.nameVi(), name == null ? null : name.nameVi(),
                name == null ? null : name.nameEn(), n.level, parent, parent, n.from, n.to, n.validOn(LocalDate.now()), asOf,
                n.names().stream().map(x -> new UnitView.NameView(x.nameVi(), x.nameEn(), x.from(), x.to())).toList(),
                n.parents().stream().map(l -> new UnitView.ParentView(h.get(l.unit()).code, l.from(), l.to())).toList(),
                h.predecessors(n).stream().map(p -> p.code).distinct().toList(),
                h.successors(n).stream().map(p -> p.code).distinct().toList(), n.version);
    }

    public static UnitEventView toView(UnitEvent e) {
        return new UnitEventView(e.id, e.kind, e.effectiveDate, e.legalBasis, e.note, codes(e, UnitEvent.Role.FROM),
                codes(e, UnitEvent.Role.TO), codes(e, UnitEvent.Role.MOVED), e.newNameVi, e.newNameEn, e.createdBy, e.createdAt);
    }

    public static UnitChange toContract(vn.gems.indicators.UnitChange c) {
        return new UnitChange(c.seq, c.kind.name(), c.unitCode, c.level.name(), c.parentCode, c.nameVi, c.nameEn, c.effectiveDate,
                c.successors.isEmpty() ? List.of() : List.of(c.successors.split(",")), c.eventId);
    }

    private static List<String> codes(UnitEvent e, UnitEvent.Role role) {
        return e.units(role).stream().map(u -> u.code).toList();
    }
}
