package vn.gems.reporting.service;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
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
 * (names for the printed reports, units for values, who holds a retired agency's duties).
 */
@ApplicationScoped
@Transactional
public class AgencyDirectory {

    private static final Duration FRESH = Duration.ofMinutes(10);
    /** plans-service's agency code shape; anything else is not asked for. */
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,39}");

    private final PlansClient plans;
    /** Holders answered in the last minute (cache {@code agency-holders}): one plan event asks about a retired agency once. */
    private final Cache holders;

    public AgencyDirectory(PlansClient plans, @CacheName("agency-holders") Cache holders) {
        this.plans = plans;
        this.holders = holders;
    }

    /** The agency as last read; fetched from plans-service when unknown or older than a few minutes. */
    public Optional<AgencyRef> get(String code) {
        AgencyRef known = AgencyRef.findById(code);
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
        Agency a = found.get();
        AgencyRef ref = AgencyRef.findById(code);
        if (ref == null) {
            ref = new AgencyRef();
            ref.code = code;
        }
        ref.nameVi = blankToNull(a.nameVi());
        ref.nameEn = blankToNull(a.nameEn());
        ref.unitCode = blankToNull(a.unitCode());
        ref.parentCode = blankToNull(a.parentCode());
        ref.validTo = a.validTo();
        ref.successors = a.successors().isEmpty() ? null : String.join(",", a.successors());
        ref.fetchedAt = Instant.now();
        ref.persist();
        return Optional.of(ref);
    }

    /** Only what is stored locally: never calls plans-service (used while rendering documents). */
    public Optional<AgencyRef> known(String code) {
        return Optional.ofNullable(AgencyRef.findById(code));
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
