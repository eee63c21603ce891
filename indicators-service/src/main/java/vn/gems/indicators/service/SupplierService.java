package vn.gems.indicators.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import vn.gems.common.problem.ProblemException;
import vn.gems.indicators.AdminUnit;
import vn.gems.indicators.SupplierAssignment;
import vn.gems.indicators.client.PlansClient;
import vn.gems.indicators.rest.SupplierAssignmentInput;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Supplier assignments: the agency that plays a sector for a unit's territory (checked against plans-service's registry). */
@ApplicationScoped
@Transactional
public class SupplierService {

    private final PlansClient plans;
    private final Revisions revisions;

    public SupplierService(PlansClient plans, Revisions revisions) {
        this.plans = plans;
        this.revisions = revisions;
    }

    public List<SupplierAssignment> list(String sector, String unit, String agency) {
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> p = new HashMap<>();
        if (sector != null && !sector.isBlank()) {
            q.append(" and sector = :sector");
            p.put("sector", sector.trim());
        }
        if (unit != null && !unit.isBlank()) {
            q.append(" and unitCode = :unit");
            p.put("unit", unit.trim());
        }
        if (agency != null && !agency.isBlank()) {
            q.append(" and agencyCode = :agency");
            p.put("agency", agency.trim());
        }
        return SupplierAssignment.list(q.toString(), Sort.by("sector").and("unitCode").and("validFrom"), p);
    }

    public SupplierAssignment create(@Valid @NotNull SupplierAssignmentInput in) {
        Lookup.requirePlausible(in.validFrom(), "validFrom");
        Lookup.requirePlausible(in.validTo(), "validTo");
        if (in.validTo() != null && in.validTo().isBefore(in.validFrom())) {
            throw ProblemException.unprocessable("INVALID_VALIDITY", "validTo", "validTo must not be before validFrom");
        }
        if (AdminUnit.find("code", in.unitCode().trim()).firstResultOptional().isEmpty()) {
            throw ProblemException.unprocessable("UNKNOWN_UNIT", "unitCode", "unit " + in.unitCode() + " does not exist");
        }
        if (SupplierAssignment.count("sector = ?1 and unitCode = ?2 and agencyCode = ?3 and validFrom = ?4",
                in.sector(), in.unitCode().trim(), in.agencyCode().trim(), in.validFrom()) > 0) {
            throw ProblemException.conflict("ASSIGNMENT_EXISTS", "This assignment is already recorded");
        }
        if (!plans.agencyExists(in.agencyCode().trim())) {
            throw ProblemException.unprocessable("UNKNOWN_AGENCY", "agencyCode", "plans-service knows no agency " + in.agencyCode());
        }
        SupplierAssignment a = new SupplierAssignment();
        a.sector = in.sector();
        a.unitCode = in.unitCode().trim();
        a.agencyCode = in.agencyCode().trim();
        a.validFrom = in.validFrom();
        a.validTo = in.validTo();
        a.persist();
        revisions.bump();
        return a;
    }
}
