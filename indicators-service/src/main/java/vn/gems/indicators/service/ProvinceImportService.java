package vn.gems.indicators.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemException;
import vn.gems.indicators.AdminUnit;
import vn.gems.indicators.UnitEvent;
import vn.gems.indicators.UnitEventKind;
import vn.gems.indicators.UnitLevel;
import vn.gems.indicators.UnitName;
import vn.gems.indicators.rest.ProvinceImport;
import vn.gems.indicators.rest.ProvinceImportResult;
import vn.gems.indicators.rest.UnitEventInput;
import vn.gems.indicators.rest.UnitInput;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A province's communes in one call: every row is checked first (problems name the row), then all of it is written
 * in one transaction through {@link UnitService}, so the unit change feed gets its entries as for single changes.
 * Running the same import again changes nothing: communes in place are counted {@code unchanged}, merges already
 * recorded are skipped.
 */
@ApplicationScoped
@Transactional
public class ProvinceImportService {

    static final int MAX_ROWS = 5000;
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,39}");

    /** One commune with the field prefix its problems use ({@code communes[3]} or {@code lines[5]}). */
    public record Row(String field, ProvinceImport.Commune commune) {
    }

    /** What the checks decided for one row. */
    private record Planned(ProvinceImport.Commune c, String code, LocalDate day, AdminUnit existing, List<AdminUnit> toMerge) {
    }

    private final UnitService units;
    private final EntityManager em;

    public ProvinceImportService(UnitService units, EntityManager em) {
        this.units = units;
        this.em = em;
    }

    public ProvinceImportResult importCommunes(String provinceCode, LocalDate defaultFrom, String legalBasis, List<Row> rows) {
        AdminUnit province = units.find(provinceCode).orElseThrow(() -> ProblemException.notFound("Unit", provinceCode));
        if (province.level != UnitLevel.PROVINCE) {
            throw ProblemException.unprocessable("NOT_A_PROVINCE", "province", provinceCode + " is a " + province.level + ", not a province");
        }
        if (rows.isEmpty()) {
            throw ProblemException.unprocessable("NO_ROWS", "communes", "the import lists no communes");
        }
        if (rows.size() > MAX_ROWS) {
            throw ProblemException.unprocessable("TOO_MANY_ROWS", "communes", "at most " + MAX_ROWS + " communes per import");
        }
        List<FieldError> errors = new ArrayList<>();
        Set<String> rowCodes = new HashSet<>();
        for (Row r : rows) {
            if (r.commune() != null && r.commune().code() != null) {
                rowCodes.add(r.commune().code().trim());
            }
        }
        Set<String> seen = new HashSet<>();
        Map<String, String> predecessorOf = new HashMap<>();
        List<Planned> plan = new ArrayList<>();
        for (Row r : rows) {
            Planned p = check(r, province, defaultFrom, rowCodes, seen, predecessorOf, errors);
            if (p != null) {
                plan.add(p);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("IMPORT_INVALID", errors.size() + " problem(s) in the import; nothing was written", errors);
        }
        List<String> created = new ArrayList<>();
        List<String> renamed = new ArrayList<>();
        List<String> reparented = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        int merges = 0;
        for (Planned p : plan) {
            boolean changed = false;
            if (p.existing() == null) {
                units.create(new UnitInput(p.code(), p.c().nameVi().trim(), p.c().nameEn().trim(), UnitLevel.COMMUNE, province.code, p.day(), null));
                created.add(p.code());
                changed = true;
            } else {
                UnitName name = p.existing().nameOn(p.day()).orElseThrow();
                if (!name.nameVi.equals(p.c().nameVi().trim()) || !name.nameEn.equals(p.c().nameEn().trim())) {
                    units.apply(new UnitEventInput(UnitEventKind.RENAME, p.day(), legalBasis, p.c().note(), List.of(p.code()), null,
                            p.c().nameVi().trim(), p.c().nameEn().trim()));
                    renamed.add(p.code());
                    changed = true;
                }
                String parent = p.existing().parentOn(p.day()).map(x -> x.parent.code).orElse(null);
                if (!province.code.equals(parent)) {
                    units.apply(new UnitEventInput(UnitEventKind.REPARENT, p.day(), legalBasis, p.c().note(), List.of(p.code()),
                            List.of(province.code), null, null));
                    reparented.add(p.code());
                    changed = true;
                }
            }
            if (!p.toMerge().isEmpty()) {
                units.apply(new UnitEventInput(UnitEventKind.MERGE, p.day(), legalBasis, p.c().note(),
                        p.toMerge().stream().map(u -> u.code).toList(), List.of(p.code()), null, null));
                merges++;
                changed = true;
            }
            if (!changed) {
                unchanged.add(p.code());
            }
        }
        return new ProvinceImportResult(province.code, rows.size(), created, renamed, reparented, merges, unchanged);
    }

    private Planned check(Row r, AdminUnit province, LocalDate defaultFrom, Set<String> rowCodes, Set<String> seen,
                          Map<String, String> predecessorOf, List<FieldError> errors) {
        String f = r.field();
        ProvinceImport.Commune c = r.commune();
        int before = errors.size();
        if (c == null) {
            errors.add(new FieldError(f, "MALFORMED_ROW", "empty row"));
            return null;
        }
        String code = c.code() == null ? "" : c.code().trim();
        if (!CODE.matcher(code).matches()) {
            errors.add(new FieldError(f + ".code", "INVALID_CODE", "must be 2-40 upper-case letters, digits or dashes"));
        } else if (!seen.add(code)) {
            errors.add(new FieldError(f + ".code", "DUPLICATE_ROW", code + " is listed twice"));
        }
        checkName(c.nameVi(), f + ".nameVi", errors);
        checkName(c.nameEn(), f + ".nameEn", errors);
        LocalDate day = c.validFrom() != null ? c.validFrom() : defaultFrom;
        if (day == null) {
            errors.add(new FieldError(f + ".validFrom", "VALID_FROM_REQUIRED", "give validFrom on the row or for the whole import"));
            return null;
        }
        if (day.getYear() < 1900 || day.getYear() > 2200) {
            errors.add(new FieldError(f + ".validFrom", "IMPLAUSIBLE_DATE", "validFrom must lie between 1900 and 2200"));
            return null;
        }
        if (!province.validOn(day)) {
            errors.add(new FieldError(f + ".validFrom", "PARENT_NOT_VALID", province.code + " does not exist on " + day));
        }
        if (c.note() != null && c.note().length() > 2000) {
            errors.add(new FieldError(f + ".note", "NOTE_TOO_LONG", "at most 2000 characters"));
        } else if (c.note() != null && c.note().chars().anyMatch(ch -> ch < 0x20 && ch != '\t')) {
            errors.add(new FieldError(f + ".note", "INVALID_CHARACTER", "control characters are not allowed"));
        }
        AdminUnit existing = errors.size() > before ? null : units.find(code).orElse(null);
        if (existing != null) {
            if (existing.level != UnitLevel.COMMUNE) {
                errors.add(new FieldError(f + ".code", "INVALID_LEVEL", code + " exists as a " + existing.level));
            } else if (!existing.validOn(day)) {
                errors.add(new FieldError(f + ".code", "UNIT_NOT_VALID", code + " exists but not on " + day));
            } else if (existing.nameOn(day).map(n -> n.validFrom.equals(day)
                    && (!n.nameVi.equals(c.nameVi().trim()) || !n.nameEn.equals(c.nameEn().trim()))).orElse(false)) {
                errors.add(new FieldError(f + ".nameVi", "NAME_DIFFERS", code + " already has another name from " + day));
            }
        }
        List<AdminUnit> toMerge = new ArrayList<>();
        List<String> preds = c.predecessors() == null ? List.of() : c.predecessors();
        LocalDate eve = day.minusDays(1);
        for (int i = 0; i < preds.size(); i++) {
            String pf = f + ".predecessors[" + i + "]";
            String pc = preds.get(i) == null ? "" : preds.get(i).trim();
            if (pc.equals(code)) {
                continue;
            }
            if (!CODE.matcher(pc).matches()) {
                // never looked up: a malformed code (a NUL, say) is no unit, and the database need not see it
                errors.add(new FieldError(pf, "UNKNOWN_UNIT", "not a unit code"));
                continue;
            }
            if (rowCodes.contains(pc)) {
                errors.add(new FieldError(pf, "PREDECESSOR_IN_FILE", pc + " is itself a commune of this import"));
                continue;
            }
            String owner = predecessorOf.putIfAbsent(pc, code);
            if (owner != null && !owner.equals(code)) {
                errors.add(new FieldError(pf, "PREDECESSOR_SHARED", pc + " is also a predecessor of " + owner
                        + "; a commune divided among several is a SPLIT, recorded with /api/units/events"));
                continue;
            }
            AdminUnit p = units.find(pc).orElse(null);
            if (p == null) {
                errors.add(new FieldError(pf, "UNKNOWN_UNIT", "unit " + pc + " does not exist"));
            } else if (p.level != UnitLevel.COMMUNE) {
                errors.add(new FieldError(pf, "INVALID_PREDECESSOR_LEVEL", pc + " is a " + p.level + ", not a commune"));
            } else if (p.validOn(eve) && p.validOn(day)) {
                toMerge.add(p);
            } else if (!(eve.equals(p.validTo) && mergedInto(p, code, day))) {
                errors.add(new FieldError(pf, "PREDECESSOR_NOT_VALID", pc + " does not exist on " + eve + " and " + day
                        + " (valid " + p.validFrom + " to " + (p.validTo == null ? "today" : p.validTo) + ")"));
            }
        }
        return errors.size() > before ? null : new Planned(c, code, day, existing, toMerge);
    }

    /** Whether {@code p} was already merged into {@code code} on {@code day} (an earlier run of the same import). */
    private boolean mergedInto(AdminUnit p, String code, LocalDate day) {
        Long n = em.createQuery("""
                        select count(e) from UnitEvent e join e.parts f join e.parts t
                        where e.kind = :merge and e.effectiveDate = :day and f.role = :from and f.unit = :p
                          and t.role = :to and t.unit.code = :code""", Long.class)
                .setParameter("merge", UnitEventKind.MERGE).setParameter("day", day)
                .setParameter("from", UnitEvent.Role.FROM).setParameter("p", p)
                .setParameter("to", UnitEvent.Role.TO).setParameter("code", code).getSingleResult();
        return n > 0;
    }

    private static void checkName(String name, String field, List<FieldError> errors) {
        if (name == null || name.isBlank()) {
            errors.add(new FieldError(field, "NAME_REQUIRED", "must not be blank"));
        } else if (name.trim().length() > 300) {
            errors.add(new FieldError(field, "NAME_TOO_LONG", "at most 300 characters"));
        } else if (Objects.requireNonNull(name).chars().anyMatch(ch -> ch < 0x20)) {
            errors.add(new FieldError(field, "INVALID_CHARACTER", "control characters are not allowed"));
        }
    }
}
