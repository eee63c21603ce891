package vn.gems.indicators.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemException;
import vn.gems.common.security.Caller;
import vn.gems.indicators.AdminUnit;
import vn.gems.indicators.UnitChangeType;
import vn.gems.indicators.UnitEvent;
import vn.gems.indicators.UnitLevel;
import vn.gems.indicators.UnitName;
import vn.gems.indicators.UnitParent;
import vn.gems.indicators.rest.UnitEventInput;
import vn.gems.indicators.rest.UnitInput;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Administrative units and their restructuring. Codes never change and nothing is deleted: a unit that is
 * merged away gets an end date, names and parents are dated rows, and each event records what moved where,
 * which is what lets values reported under old units roll up into today's.
 */
@ApplicationScoped
@Transactional
public class UnitService {

    private final Caller caller;
    private final Revisions revisions;
    private final UnitFeed feed;

    public UnitService(Caller caller, Revisions revisions, UnitFeed feed) {
        this.caller = caller;
        this.revisions = revisions;
        this.feed = feed;
    }

    public Optional<AdminUnit> find(String code) {
        return AdminUnit.find("code", code).firstResultOptional();
    }

    public AdminUnit create(@Valid @NotNull UnitInput in) {
        Lookup.requirePlausible(in.validFrom(), "validFrom");
        Lookup.requirePlausible(in.validTo(), "validTo");
        if (find(in.code()).isPresent()) {
            throw ProblemException.conflict("UNIT_EXISTS", "Unit " + in.code() + " already exists");
        }
        if (in.validTo() != null && in.validTo().isBefore(in.validFrom())) {
            throw ProblemException.unprocessable("INVALID_VALIDITY", "validTo", "validTo must not be before validFrom");
        }
        AdminUnit parent = null;
        boolean hasParent = in.parentCode() != null && !in.parentCode().isBlank();
        if (in.level() == UnitLevel.NATION && hasParent) {
            throw ProblemException.unprocessable("NATION_HAS_NO_PARENT", "parentCode", "a nation has no parent unit");
        }
        if (in.level() != UnitLevel.NATION) {
            if (!hasParent) {
                throw ProblemException.unprocessable("PARENT_REQUIRED", "parentCode", "a " + in.level() + " belongs to a parent unit");
            }
            parent = find(in.parentCode().trim()).orElseThrow(() -> ProblemException.unprocessable("UNKNOWN_PARENT", "parentCode",
                    "parent unit " + in.parentCode() + " does not exist"));
            checkParent(parent, in.level(), in.validFrom(), "parentCode");
        }
        AdminUnit u = new AdminUnit();
        u.code = in.code();
        u.level = in.level();
        u.validFrom = in.validFrom();
        u.validTo = in.validTo();
        UnitName name = new UnitName();
        name.unit = u;
        name.nameVi = in.nameVi().trim();
        name.nameEn = in.nameEn().trim();
        name.validFrom = in.validFrom();
        name.validTo = in.validTo();
        u.names.add(name);
        if (parent != null) {
            u.parents.add(link(u, parent, in.validFrom(), in.validTo()));
        }
        u.persist();
        feed.append(UnitChangeType.CREATED, u, u.validFrom, List.of(), null);
        if (u.validTo != null) {
            feed.append(UnitChangeType.ABOLISHED, u, u.validTo.plusDays(1), List.of(), null);
        }
        revisions.bump();
        return u;
    }

    public List<UnitEvent> events(String unitCode, LocalDate from, LocalDate to) {
        StringBuilder q = new StringBuilder("select distinct e from UnitEvent e join e.parts p where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (unitCode != null && !unitCode.isBlank()) {
            q.append(" and p.unit.code = :unit");
            params.put("unit", unitCode.trim());
        }
        if (from != null) {
            q.append(" and e.effectiveDate >= :from");
            params.put("from", from);
        }
        if (to != null) {
            q.append(" and e.effectiveDate <= :to");
            params.put("to", to);
        }
        q.append(" order by e.effectiveDate, e.id");
        return UnitEvent.find(q.toString(), params).list();
    }

    public Optional<UnitEvent> event(long id) {
        return UnitEvent.findByIdOptional(id);
    }

    public UnitEvent apply(@Valid @NotNull UnitEventInput in) {
        Lookup.requirePlausible(in.effectiveDate(), "effectiveDate");
        LocalDate day = in.effectiveDate();
        LocalDate eve = day.minusDays(1);
        List<AdminUnit> from = resolve(in.from(), "from");
        List<AdminUnit> to = resolve(in.to() == null ? List.of() : in.to(), "to");
        rejectDuplicate(in, from, to);
        UnitEvent e = new UnitEvent();
        e.kind = in.kind();
        e.effectiveDate = day;
        e.legalBasis = blankToNull(in.legalBasis());
        e.note = blankToNull(in.note());
        e.createdBy = caller.username();
        from.forEach(u -> e.parts.add(new UnitEvent.Part(u, UnitEvent.Role.FROM)));
        to.forEach(u -> e.parts.add(new UnitEvent.Part(u, UnitEvent.Role.TO)));
        switch (in.kind()) {
            case MERGE -> merge(e, from, one(to, "to", "a merge has exactly one unit it merges into"), day, eve);
            case SPLIT -> split(from, to, day, eve);
            case RENAME -> rename(e, in, one(from, "from", "a rename names exactly one unit"), to, day, eve);
            case REPARENT -> reparent(from, one(to, "to", "a re-parenting names exactly one new parent"), day, eve);
        }
        e.persist();
        publish(e, from, to, eve);
        revisions.bump();
        return e;
    }

    /** The feed entries of a recorded restructuring, one per unit it changed (same transaction). */
    private void publish(UnitEvent e, List<AdminUnit> from, List<AdminUnit> to, LocalDate eve) {
        LocalDate day = e.effectiveDate;
        switch (e.kind) {
            case MERGE -> from.stream().filter(s -> !s.id.equals(to.get(0).id))
                    .forEach(s -> feed.append(UnitChangeType.MERGED, s, day, to, e.id));
            case SPLIT -> from.stream().filter(s -> eve.equals(s.validTo))
                    .forEach(s -> feed.append(UnitChangeType.SPLIT, s, day, to.stream().filter(t -> !t.id.equals(s.id)).toList(), e.id));
            case RENAME -> feed.append(UnitChangeType.RENAMED, from.get(0), day, List.of(), e.id);
            case REPARENT -> from.forEach(u -> feed.append(UnitChangeType.REPARENTED, u, day, List.of(), e.id));
        }
        e.units(UnitEvent.Role.MOVED).forEach(c -> feed.append(UnitChangeType.REPARENTED, c, day, List.of(), e.id));
    }

    private void merge(UnitEvent e, List<AdminUnit> from, AdminUnit target, LocalDate day, LocalDate eve) {
        requireValid(target, day, "to[0]");
        for (int i = 0; i < from.size(); i++) {
            AdminUnit s = from.get(i);
            if (s.id.equals(target.id)) {
                continue;
            }
            end(s, day, eve, "from[" + i + "]");
            for (UnitParent child : childrenOn(s, day)) {
                checkParent(target, child.unit.level, day, "to[0]");
                moveChild(child, target, day, eve);
                e.parts.add(new UnitEvent.Part(child.unit, UnitEvent.Role.MOVED));
            }
        }
    }

    private void split(List<AdminUnit> from, List<AdminUnit> to, LocalDate day, LocalDate eve) {
        AdminUnit s = one(from, "from", "a split divides exactly one unit");
        if (to.isEmpty()) {
            throw ProblemException.unprocessable("TARGETS_REQUIRED", "to", "a split names the units the territory goes to");
        }
        for (int i = 0; i < to.size(); i++) {
            requireValid(to.get(i), day, "to[" + i + "]");
        }
        if (to.stream().noneMatch(t -> t.id.equals(s.id))) {
            List<String> children = childrenOn(s, day).stream().map(p -> p.unit.code).toList();
            if (!children.isEmpty()) {
                throw ProblemException.unprocessable("ORPHANED_CHILDREN", "from[0]", "re-parent " + children
                        + " first: a split cannot tell which new unit each child goes to");
            }
            end(s, day, eve, "from[0]");
        }
    }

    private void rename(UnitEvent e, UnitEventInput in, AdminUnit u, List<AdminUnit> to, LocalDate day, LocalDate eve) {
        if (!to.isEmpty() && (to.size() > 1 || !to.get(0).id.equals(u.id))) {
            throw ProblemException.unprocessable("RENAME_KEEPS_THE_UNIT", "to", "a rename keeps the code; leave to empty or repeat the unit");
        }
        if (blank(in.newNameVi()) || blank(in.newNameEn())) {
            throw ProblemException.unprocessable("NEW_NAME_REQUIRED", blank(in.newNameVi()) ? "newNameVi" : "newNameEn",
                    "a rename gives the new Vietnamese and English names");
        }
        requireValid(u, day, "from[0]");
        UnitName current = u.nameOn(day).filter(n -> !n.validFrom.isAfter(day) && (n.validTo == null || !n.validTo.isBefore(day)))
                .orElse(null);
        if (current != null && current.validFrom.equals(day)) {
            throw ProblemException.conflict("EVENT_EXISTS", "Unit " + u.code + " already has a name from " + day);
        }
        LocalDate until = current == null ? u.validTo : current.validTo;
        if (current != null) {
            current.validTo = eve;
        }
        UnitName n = new UnitName();
        n.unit = u;
        n.nameVi = in.newNameVi().trim();
        n.nameEn = in.newNameEn().trim();
        n.validFrom = day;
        n.validTo = until;
        u.names.add(n);
        e.newNameVi = n.nameVi;
        e.newNameEn = n.nameEn;
        touch(u);
    }

    private void reparent(List<AdminUnit> units, AdminUnit parent, LocalDate day, LocalDate eve) {
        requireValid(parent, day, "to[0]");
        for (int i = 0; i < units.size(); i++) {
            AdminUnit u = units.get(i);
            requireValid(u, day, "from[" + i + "]");
            checkParent(parent, u.level, day, "to[0]");
            if (isSelfOrAncestorOf(u, parent, day)) {
                throw ProblemException.unprocessable("PARENT_CYCLE", "to[0]", parent.code + " is " + u.code + " or lies under it");
            }
            UnitParent current = u.parentOn(day).orElse(null);
            if (current != null && current.parent.id.equals(parent.id)) {
                throw ProblemException.conflict("EVENT_EXISTS", u.code + " is already under " + parent.code + " on " + day);
            }
            if (current != null) {
                moveChild(current, parent, day, eve);
            } else {
                u.parents.add(link(u, parent, day, u.validTo));
                touch(u);
            }
        }
    }

    /** Ends a unit the day before {@code day}, closing its open name and parent records. */
    private void end(AdminUnit u, LocalDate day, LocalDate eve, String field) {
        if (!u.validOn(eve)) {
            throw ProblemException.unprocessable("UNIT_NOT_VALID", field, u.code + " did not exist on " + eve);
        }
        if (u.validTo != null && u.validTo.isBefore(day)) {
            throw ProblemException.conflict("EVENT_EXISTS", u.code + " already ended on " + u.validTo);
        }
        u.validTo = eve;
        // Records a same-day event already opened from the effective date go: the unit does not reach that day.
        u.names.removeIf(n -> n.validFrom.isAfter(eve));
        u.parents.removeIf(p -> p.validFrom.isAfter(eve));
        for (UnitName n : u.names) {
            if (n.validTo == null || n.validTo.isAfter(eve)) {
                n.validTo = eve;
            }
        }
        for (UnitParent p : u.parents) {
            if (p.validTo == null || p.validTo.isAfter(eve)) {
                p.validTo = eve;
            }
        }
        touch(u);
    }

    private void moveChild(UnitParent current, AdminUnit newParent, LocalDate day, LocalDate eve) {
        AdminUnit child = current.unit;
        LocalDate until = current.validTo;
        if (current.validFrom.equals(day)) {
            current.parent = newParent;
        } else {
            current.validTo = eve;
            child.parents.add(link(child, newParent, day, until));
        }
        touch(child);
    }

    private List<UnitParent> childrenOn(AdminUnit u, LocalDate day) {
        return UnitParent.<UnitParent>list("parent = ?1 and validFrom <= ?2 and (validTo is null or validTo >= ?2)", u, day).stream()
                .filter(p -> p.unit.validOn(day)).toList();
    }

    private static boolean isSelfOrAncestorOf(AdminUnit u, AdminUnit candidate, LocalDate day) {
        AdminUnit p = candidate;
        for (int depth = 0; p != null && depth < 32; depth++) {
            if (p.id.equals(u.id)) {
                return true;
            }
            p = p.parentOn(day).map(x -> x.parent).orElse(null);
        }
        return false;
    }

    private void rejectDuplicate(UnitEventInput in, List<AdminUnit> from, List<AdminUnit> to) {
        Set<String> fromCodes = new HashSet<>(from.stream().map(u -> u.code).toList());
        Set<String> toCodes = new HashSet<>(to.stream().map(u -> u.code).toList());
        for (UnitEvent e : UnitEvent.<UnitEvent>list("kind = ?1 and effectiveDate = ?2", in.kind(), in.effectiveDate())) {
            Set<String> f = new HashSet<>(e.units(UnitEvent.Role.FROM).stream().map(u -> u.code).toList());
            Set<String> t = new HashSet<>(e.units(UnitEvent.Role.TO).stream().map(u -> u.code).toList());
            if (f.equals(fromCodes) && t.equals(toCodes)) {
                throw ProblemException.conflict("EVENT_EXISTS", "This " + in.kind() + " of " + in.effectiveDate() + " is already recorded (event " + e.id + ")");
            }
        }
    }

    private List<AdminUnit> resolve(List<String> codes, String field) {
        List<AdminUnit> out = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            Optional<AdminUnit> u = find(code.trim());
            if (u.isEmpty()) {
                errors.add(new FieldError(field + "[" + i + "]", "UNKNOWN_UNIT", "unit " + code + " does not exist"));
            } else if (out.stream().anyMatch(x -> x.id.equals(u.get().id))) {
                errors.add(new FieldError(field + "[" + i + "]", "DUPLICATE_UNIT", "unit " + code + " is listed twice"));
            } else {
                out.add(u.get());
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("UNKNOWN_UNIT", "The event names units that do not exist", errors);
        }
        return out;
    }

    private static AdminUnit one(List<AdminUnit> units, String field, String message) {
        if (units.size() != 1) {
            throw ProblemException.unprocessable("ONE_UNIT_EXPECTED", field, message);
        }
        return units.get(0);
    }

    private static void requireValid(AdminUnit u, LocalDate day, String field) {
        if (!u.validOn(day)) {
            throw ProblemException.unprocessable("UNIT_NOT_VALID", field, u.code + " does not exist on " + day
                    + " (valid " + u.validFrom + " to " + (u.validTo == null ? "today" : u.validTo) + ")");
        }
    }

    /** A parent must exist on the day and sit at a higher level (a commune may sit right under a province). */
    private static void checkParent(AdminUnit parent, UnitLevel childLevel, LocalDate day, String field) {
        if (!parent.validOn(day)) {
            throw ProblemException.unprocessable("PARENT_NOT_VALID", field, "parent " + parent.code + " does not exist on " + day);
        }
        if (parent.level.ordinal() >= childLevel.ordinal()) {
            throw ProblemException.unprocessable("INVALID_PARENT_LEVEL", field, "a " + parent.level + " cannot hold a " + childLevel);
        }
    }

    private static UnitParent link(AdminUnit child, AdminUnit parent, LocalDate from, LocalDate to) {
        UnitParent p = new UnitParent();
        p.unit = child;
        p.parent = parent;
        p.validFrom = from;
        p.validTo = to;
        return p;
    }

    private static void touch(AdminUnit u) {
        u.updatedAt = Instant.now();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return blank(s) ? null : s.trim();
    }
}
