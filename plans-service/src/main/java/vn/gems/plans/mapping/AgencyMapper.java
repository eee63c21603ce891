package vn.gems.plans.mapping;

import vn.gems.plans.Agency;
import vn.gems.plans.rest.AgencyInput;
import vn.gems.plans.rest.AgencyView;

import java.time.LocalDate;
import java.util.List;

/** Agency entity ⇄ API records, in one place. */
public final class AgencyMapper {

    private AgencyMapper() {
    }

    public static AgencyView toView(Agency a) {
        return toView(a, LocalDate.now());
    }

    /** The agency as seen on {@code day} ({@code active} is relative to it). */
    public static AgencyView toView(Agency a, LocalDate day) {
        return new AgencyView(a.code, a.nameVi, a.nameEn, a.kind, a.unitCode, a.parentCode, a.validFrom, a.validTo,
                a.activeOn(day), List.copyOf(a.successorCodes), a.retiredNote, a.version);
    }

    /** Copies the editable fields; the code, validity end and successors change only through create and retire. */
    public static void apply(AgencyInput in, Agency a) {
        a.nameVi = in.nameVi().trim();
        a.nameEn = in.nameEn().trim();
        a.kind = in.kind();
        a.unitCode = in.unitCode().trim();
        a.parentCode = in.parentCode() == null || in.parentCode().isBlank() ? null : in.parentCode().trim();
        a.validFrom = in.validFrom();
        a.refreshSearchText();
    }
}
