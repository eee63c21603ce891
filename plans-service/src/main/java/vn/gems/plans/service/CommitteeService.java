package vn.gems.plans.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import vn.gems.contracts.indicators.UnitChange;
import vn.gems.plans.Agency;
import vn.gems.plans.AgencyKind;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * People's Committees (UBND) from the unit registry: every administrative unit has its committee, the agency
 * {@code PC-<unit code>}, created, renamed, moved and retired with the unit as indicators-service's change feed says.
 * Applying a change twice changes nothing (each step compares before it writes), which is what makes the follower's
 * at-least-once reading exactly-once in effect.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CommitteeService {

    private static final Logger LOG = Logger.getLogger(CommitteeService.class);
    static final String ACTOR = "unit-feed";
    private static final int MAX_CODE = 40;

    private final AgencyService agencies;

    public CommitteeService(AgencyService agencies) {
        this.agencies = agencies;
    }

    /** The committee agency code of a unit: {@code PC-VN-46-THUANHOA}. */
    public static String codeOf(String unitCode) {
        return "PC-" + unitCode;
    }

    /** Applies one feed entry; returns whether anything changed. */
    public boolean apply(UnitChange c) {
        if ("NATION".equals(c.level())) {
            return false; // the nation has a Government, not a People's Committee
        }
        if (codeOf(c.unitCode()).length() > MAX_CODE) {
            LOG.warnf("unit %s: code too long for a committee agency code (%s), skipped", c.unitCode(), codeOf(c.unitCode()));
            return false;
        }
        return switch (c.type()) {
            case "CREATED" -> ensure(c, c.effectiveDate()).created;
            case "RENAMED" -> rename(c);
            case "REPARENTED" -> reparent(c);
            case "MERGED", "SPLIT", "ABOLISHED" -> retire(c);
            default -> {
                LOG.infof("unit change %d of type %s is not about committees; ignored", c.seq(), c.type());
                yield false;
            }
        };
    }

    private record Ensured(Agency agency, boolean created) {
    }

    /** The unit's committee, created when missing (normally by CREATED, which always comes first). */
    private Ensured ensure(UnitChange c, LocalDate from) {
        String code = codeOf(c.unitCode());
        Agency a = Agency.findById(code);
        if (a != null) {
            return new Ensured(a, false);
        }
        a = new Agency();
        a.code = code;
        a.nameVi = nameVi(c.nameVi());
        a.nameEn = nameEn(c.nameEn());
        a.kind = AgencyKind.PEOPLES_COMMITTEE;
        a.unitCode = c.unitCode();
        a.parentCode = parentCommittee(c.parent());
        a.validFrom = from;
        a.persist();
        agencies.record(a, "CREATED", ACTOR);
        return new Ensured(a, true);
    }

    private boolean rename(UnitChange c) {
        Ensured e = ensure(c, c.effectiveDate());
        Agency a = e.agency();
        String vi = nameVi(c.nameVi());
        String en = nameEn(c.nameEn());
        if (vi.equals(a.nameVi) && en.equals(a.nameEn)) {
            return e.created();
        }
        a.nameVi = vi;
        a.nameEn = en;
        a.refreshSearchText();
        agencies.record(a, "RENAMED", ACTOR);
        return true;
    }

    private boolean reparent(UnitChange c) {
        Ensured e = ensure(c, c.effectiveDate());
        Agency a = e.agency();
        String parent = parentCommittee(c.parent());
        if (parent == null || parent.equals(a.parentCode) || parent.equals(a.code)) {
            return e.created();
        }
        a.parentCode = parent;
        agencies.record(a, "UPDATED", ACTOR);
        return true;
    }

    /**
     * The unit ended the day before the change: its committee retires that day with the successor units' committees
     * as holders; so does any committee of the unit registered by hand before the feed existed (TTH-HUE-PC).
     */
    private boolean retire(UnitChange c) {
        LocalDate eve = c.effectiveDate().minusDays(1);
        Ensured e = ensure(c, eve);
        Set<String> holders = new LinkedHashSet<>();
        for (String s : c.successors() == null ? List.<String>of() : c.successors()) {
            if (!s.equals(c.unitCode()) && Agency.findById(codeOf(s)) != null) {
                holders.add(codeOf(s));
            }
        }
        String note = switch (c.type()) {
            case "MERGED" -> "Unit " + c.unitCode() + " merged into " + String.join(", ", c.successors()) + " on " + c.effectiveDate();
            case "SPLIT" -> "Unit " + c.unitCode() + " split into " + String.join(", ", c.successors()) + " on " + c.effectiveDate();
            default -> "Unit " + c.unitCode() + " abolished on " + c.effectiveDate();
        };
        boolean changed = retire(e.agency(), eve, holders, note) || e.created();
        List<Agency> byHand = Agency.list("kind = ?1 and unitCode = ?2 and code <> ?3", AgencyKind.PEOPLES_COMMITTEE, c.unitCode(),
                e.agency().code);
        for (Agency a : byHand) {
            if (!a.validFrom.isAfter(eve) && (a.validTo == null || a.validTo.isAfter(eve))) {
                changed |= retire(a, eve, holders, note);
            }
        }
        return changed;
    }

    private boolean retire(Agency a, LocalDate eve, Set<String> holders, String note) {
        LocalDate until = eve.isBefore(a.validFrom) ? a.validFrom : eve;
        if (until.equals(a.validTo) && a.successorCodes.equals(holders)) {
            return false;
        }
        a.validTo = until;
        a.successorCodes = new LinkedHashSet<>(holders);
        a.retiredNote = note;
        agencies.record(a, "RETIRED", ACTOR);
        return true;
    }

    private static String parentCommittee(String parentUnit) {
        if (parentUnit == null) {
            return null;
        }
        Agency p = Agency.findById(codeOf(parentUnit));
        return p == null ? null : p.code;
    }

    /** "Xã Tịnh Hà" → "UBND xã Tịnh Hà" (the unit's kind in lower case, as the committees write it). */
    static String nameVi(String unitName) {
        String n = Objects.requireNonNullElse(unitName, "").trim();
        return cut("UBND " + (n.isEmpty() ? n : n.substring(0, 1).toLowerCase(Locale.ROOT) + n.substring(1)));
    }

    static String nameEn(String unitName) {
        return cut(Objects.requireNonNullElse(unitName, "").trim() + " People's Committee");
    }

    private static String cut(String s) {
        return s.length() > 300 ? s.substring(0, 300) : s;
    }
}
