package vn.gems.plans.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import vn.gems.common.http.ETags;
import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemException;
import vn.gems.common.security.Caller;
import vn.gems.common.security.Roles;
import vn.gems.plans.Agency;
import vn.gems.plans.AgencyKind;
import vn.gems.plans.AgencyMember;
import vn.gems.plans.rest.Membership;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Dated members of a body (an agency of kind COMMITTEE): who submits under a BODY_MEMBERS rule on its due date.
 * The list is replaced as a whole under the body's ETag, and each change is audited in the body's history.
 */
@ApplicationScoped
@Transactional
public class BodyMembers {

    private final Caller caller;
    private final AgencyService agencies;
    private final EntityManager em;

    public BodyMembers(Caller caller, AgencyService agencies, EntityManager em) {
        this.caller = caller;
        this.agencies = agencies;
        this.em = em;
    }

    /** The body's memberships, all of them or those valid on {@code asOf}; empty when the body is unknown. */
    public List<Membership> members(Agency body, LocalDate asOf) {
        return AgencyMember.<AgencyMember>list("bodyCode", Sort.by("validFrom").and("memberCode"), body.code).stream()
                .filter(m -> asOf == null || m.validOn(asOf))
                .map(m -> new Membership(m.memberCode, m.validFrom, m.validTo)).toList();
    }

    /** Replaces the body's member list; admins, or plan managers of the body itself. Returns the body's new version. */
    public long replace(String code, String ifMatch, @Valid @NotNull List<@Valid @NotNull Membership> members) {
        Agency body = agencies.find(code).orElseThrow(() -> ProblemException.notFound("Agency", code));
        boolean ownManager = caller.hasRole(Roles.PLAN_MANAGER) && caller.agency().map(code::equals).orElse(false);
        if (!caller.hasRole(Roles.ADMIN) && !ownManager) {
            throw ProblemException.forbidden("NOT_YOUR_BODY", "Members of " + code + " are set by admins or the body's own plan managers");
        }
        ETags.requireMatch(ifMatch, body.version);
        if (body.kind != AgencyKind.COMMITTEE) {
            throw ProblemException.unprocessable("NOT_A_BODY", "kind", "agency " + code + " is a " + body.kind
                    + "; only an agency of kind COMMITTEE has members");
        }
        check(code, members);
        AgencyMember.delete("bodyCode", code);
        em.flush();
        for (Membership m : members) {
            AgencyMember row = new AgencyMember();
            row.bodyCode = code;
            row.memberCode = m.agency();
            row.validFrom = m.from();
            row.validTo = m.to();
            row.persist();
        }
        // The member list is part of the body: its ETag moves with it.
        em.lock(body, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        em.flush();
        agencies.recordMembers(body, members(body, null));
        return body.version;
    }

    private void check(String code, List<Membership> members) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        members.forEach(m -> codes.add(m.agency()));
        Set<String> known = agencies.existing(codes);
        Map<String, List<Membership>> byAgency = new HashMap<>();
        for (int i = 0; i < members.size(); i++) {
            Membership m = members.get(i);
            String at = "[" + i + "]";
            if (m.agency().equals(code)) {
                errors.add(new FieldError(at + ".agency", "MEMBER_IS_BODY", "a body is not a member of itself"));
            } else if (!known.contains(m.agency())) {
                errors.add(new FieldError(at + ".agency", "UNKNOWN_AGENCY", "agency " + m.agency() + " is not registered"));
            }
            if (m.to() != null && m.to().isBefore(m.from())) {
                errors.add(new FieldError(at + ".to", "DATE_ORDER", "to must not be before from " + m.from()));
                continue;
            }
            for (Membership other : byAgency.getOrDefault(m.agency(), List.of())) {
                if (overlap(m, other)) {
                    errors.add(new FieldError(at + ".from", "OVERLAPPING_MEMBERSHIP",
                            "agency " + m.agency() + " is already a member from " + other.from() + (other.to() == null ? "" : " to " + other.to())));
                }
            }
            byAgency.computeIfAbsent(m.agency(), k -> new ArrayList<>()).add(m);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("INVALID_MEMBERS", "The member list cannot be saved", errors);
        }
    }

    private static boolean overlap(Membership a, Membership b) {
        boolean aEndsBefore = a.to() != null && a.to().isBefore(b.from());
        boolean bEndsBefore = b.to() != null && b.to().isBefore(a.from());
        return !aEndsBefore && !bEndsBefore;
    }
}
