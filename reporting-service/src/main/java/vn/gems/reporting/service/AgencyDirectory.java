package vn.gems.reporting.service;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import vn.gems.contracts.plans.Agency;
import vn.gems.reporting.AgencyRef;
import vn.gems.reporting.client.PlansClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What reporting-service knows about agencies, read from plans-service's registry and kept in {@code agency_ref}
 * (names for the printed reports, units for values, who holds a retired agency's duties). Not transactional itself: it
 * joins the caller's transaction, and without one it asks plans-service first and writes in a short transaction after.
 */
@ApplicationScoped
public class AgencyDirectory {

    private static final Duration FRESH = Duration.ofMinutes(10);
    /** plans-service's agency code shape; anything else is not asked for. */
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,39}");

    private final PlansClient plans;
    /** Holders answered in the last minute (cache {@code agency-holders}): one plan event asks about a retired agency once. */
    private final Cache holders;

    private final EntityManager em;

    public AgencyDirectory(PlansClient plans, @CacheName("agency-holders") Cache holders, EntityManager em) {
        this.plans = plans;
        this.holders = holders;
        this.em = em;
    }

    /** The agency as last read; fetched from plans-service when unknown or older than a few minutes. */
    public Optional<AgencyRef> get(String code) {
        AgencyRef known = known(code).orElse(null);
        if (known != null && known.fetchedAt.isAfter(Instant.now().minus(FRESH))) {
            return Optional.of(known);
        }
        return refresh(code).or(() -> Optional.ofNullable(known));
    }

    /** The agency as plans-service has it now; empty when plans-service does not know it. */
    public Optional<AgencyRef> refresh(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        Optional<Agency> found = plans.agency(code);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        // plans-service was asked before any write: the upsert below is a short step (its own transaction when the
        // caller has none, e.g. the hand-over job).
        Agency a = found.get();
        return Optional.of(QuarkusTransaction.joiningExisting().call(() -> store(code, a)));
    }

    /**
     * Insert or update in one statement: two replicas (or two requests) refreshing one agency at once both succeed
     * instead of one failing on the primary key and rolling back its caller's transaction.
     */
    private AgencyRef store(String code, Agency a) {
        em.createNativeQuery("""
                        insert into agency_ref(code, name_vi, name_en, unit_code, parent_code, valid_to, successors, fetched_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, now())
                        on conflict (code) do update set name_vi = excluded.name_vi, name_en = excluded.name_en,
                            unit_code = excluded.unit_code, parent_code = excluded.parent_code, valid_to = excluded.valid_to,
                            successors = excluded.successors, fetched_at = excluded.fetched_at""")
                .setParameter(1, code).setParameter(2, blankToNull(a.nameVi())).setParameter(3, blankToNull(a.nameEn()))
                .setParameter(4, blankToNull(a.unitCode())).setParameter(5, blankToNull(a.parentCode()))
                .setParameter(6, a.validTo())
                .setParameter(7, a.successors().isEmpty() ? null : String.join(",", a.successors()))
                .executeUpdate();
        AgencyRef ref = AgencyRef.findById(code);
        em.refresh(ref); // the row may have been loaded in this transaction before the statement changed it
        return ref;
    }

    /** Only what is stored locally: never calls plans-service (used while rendering documents). */
    public Optional<AgencyRef> known(String code) {
        return QuarkusTransaction.joiningExisting().call(() -> Optional.ofNullable(AgencyRef.<AgencyRef>findById(code)));
    }

    /**
     * Who holds {@code code}'s duties for something due on {@code day}: itself while active then, else the first
     * agency plans-service names as its holder today (successors followed transitively).
     */
    public String holderOn(String code, LocalDate day) {
        Optional<AgencyRef> a = get(code);
        if (a.isEmpty() || !a.get().retiredBefore(day)) {
            return code;
        }
        if (!CODE.matcher(code).matches()) {
            return code;
        }
        return holders.get(code, this::holderToday).await().indefinitely();
    }

    /** The first agency plans-service names as holding {@code code}'s duties today, or {@code code} itself. */
    private String holderToday(String code) {
        return plans.holders(code).flatMap(list -> list.stream().map(Agency::code).filter(c -> blankToNull(c) != null).findFirst())
                .orElse(code);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
