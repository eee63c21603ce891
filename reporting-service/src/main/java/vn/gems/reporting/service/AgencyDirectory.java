package vn.gems.reporting.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.gems.reporting.AgencyRef;
import vn.gems.reporting.client.PlansClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What reporting-service knows about agencies, read from plans-service's registry and kept in {@code agency_ref}
 * (names for the printed reports, units for values, who holds a retired agency's duties).
 */
@ApplicationScoped
@Transactional
public class AgencyDirectory {

    private static final Duration FRESH = Duration.ofMinutes(10);
    /** plans-service's agency code shape; anything else is not asked for. */
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Z0-9][A-Z0-9-]{1,39}");

    private final PlansClient plans;
    /** Holders answered in the last minute: one plan event asks about the same retired agency once per period. */
    private final Map<String, Map.Entry<Instant, String>> holders = new ConcurrentHashMap<>();

    public AgencyDirectory(PlansClient plans) {
        this.plans = plans;
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
        Optional<JsonNode> doc = plans.agency(code);
        if (doc.isEmpty()) {
            return Optional.empty();
        }
        JsonNode a = doc.get();
        AgencyRef ref = AgencyRef.findById(code);
        if (ref == null) {
            ref = new AgencyRef();
            ref.code = code;
        }
        ref.nameVi = text(a, "nameVi");
        ref.nameEn = text(a, "nameEn");
        ref.unitCode = text(a, "unitCode");
        ref.parentCode = text(a, "parentCode");
        String validTo = text(a, "validTo");
        ref.validTo = validTo == null ? null : LocalDate.parse(validTo);
        List<String> successors = new ArrayList<>();
        a.path("successors").forEach(s -> successors.add(s.asText()));
        ref.successors = successors.isEmpty() ? null : String.join(",", successors);
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
        Map.Entry<Instant, String> cached = holders.get(code);
        if (cached != null && cached.getKey().isAfter(Instant.now().minusSeconds(60))) {
            return cached.getValue();
        }
        String holder = code;
        Optional<JsonNode> list = plans.holders(code);
        if (list.isPresent() && list.get().isArray() && !list.get().isEmpty()) {
            String first = text(list.get().get(0), "code");
            if (first != null) {
                holder = first;
            }
        }
        holders.put(code, Map.entry(Instant.now(), holder));
        return holder;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }
}
