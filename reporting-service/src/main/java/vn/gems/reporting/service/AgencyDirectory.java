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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** Codes per statement of {@link #getAll} (7 parameters each in the upsert, far below PostgreSQL's 65,535). */
    private static final int STATEMENT_CODES = 1000;
    private static final String UPSERT = """
             on conflict (code) do update set name_vi = excluded.name_vi, name_en = excluded.name_en,
                unit_code = excluded.unit_code, parent_code = excluded.parent_code, valid_to = excluded.valid_to,
                successors = excluded.successors, fetched_at = excluded.fetched_at""";

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

    /**
     * The agencies among {@code codes} as {@link #get} answers them, at the cost of a few statements instead of a few
     * per agency (a province's plan names about 120): those stored and fresh are read in one query, the others asked
     * of plans-service in a few batch reads and upserted in one statement per batch. Codes plans-service does not know
     * keep their stored row, if any, or are absent. The entities stay in the caller's transaction, so a {@link #get}
     * of one of them afterwards costs no statement.
     */
    public Map<String, AgencyRef> getAll(Collection<String> codes) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Map<String, AgencyRef> out = new HashMap<>();
            List<String> asked = codes.stream().filter(c -> c != null && CODE.matcher(c).matches()).distinct().toList();
            for (List<String> chunk : chunks(asked, STATEMENT_CODES, Integer.MAX_VALUE)) {
                AgencyRef.<AgencyRef>list("code in ?1", chunk).forEach(a -> out.put(a.code, a));
            }
            Instant fresh = Instant.now().minus(FRESH);
            List<String> stale = asked.stream().filter(c -> out.get(c) == null || !out.get(c).fetchedAt.isAfter(fresh)).toList();
            List<Agency> read = new ArrayList<>();
            for (List<String> chunk : chunks(stale, PlansClient.MAX_CODES, PlansClient.MAX_CODES_LENGTH)) {
                read.addAll(plans.agencies(chunk));
            }
            for (List<Agency> batch : chunks(read, STATEMENT_CODES, Integer.MAX_VALUE)) {
                storeAll(batch);
            }
            List<String> added = new ArrayList<>();
            for (Agency a : read) {
                AgencyRef held = out.get(a.code());
                if (held != null) {
                    em.refresh(held); // loaded above, changed by the upsert since
                } else {
                    added.add(a.code());
                }
            }
            for (List<String> chunk : chunks(added, STATEMENT_CODES, Integer.MAX_VALUE)) {
                AgencyRef.<AgencyRef>list("code in ?1", chunk).forEach(a -> out.put(a.code, a));
            }
            return out;
        });
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
        var q = em.createNativeQuery("insert into agency_ref(code, name_vi, name_en, unit_code, parent_code, valid_to, successors, fetched_at) "
                + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, now())" + UPSERT);
        bind(q, 0, code, a);
        q.executeUpdate();
        AgencyRef ref = AgencyRef.findById(code);
        em.refresh(ref); // the row may have been loaded in this transaction before the statement changed it
        return ref;
    }

    /** One multi-row {@link #store}: the same upsert for a batch of agencies read together. */
    private void storeAll(List<Agency> batch) {
        if (batch.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("insert into agency_ref(code, name_vi, name_en, unit_code, parent_code, valid_to, successors, fetched_at) values ");
        for (int i = 0; i < batch.size(); i++) {
            int p = i * 7;
            sql.append(i == 0 ? "" : ", ").append("(?").append(p + 1).append(", ?").append(p + 2).append(", ?").append(p + 3).append(", ?")
                    .append(p + 4).append(", ?").append(p + 5).append(", ?").append(p + 6).append(", ?").append(p + 7).append(", now())");
        }
        var q = em.createNativeQuery(sql + UPSERT);
        for (int i = 0; i < batch.size(); i++) {
            bind(q, i * 7, batch.get(i).code(), batch.get(i));
        }
        q.executeUpdate();
    }

    private static void bind(jakarta.persistence.Query q, int p, String code, Agency a) {
        q.setParameter(p + 1, code).setParameter(p + 2, blankToNull(a.nameVi())).setParameter(p + 3, blankToNull(a.nameEn()))
                .setParameter(p + 4, blankToNull(a.unitCode())).setParameter(p + 5, blankToNull(a.parentCode()))
                .setParameter(p + 6, a.validTo())
                .setParameter(p + 7, a.successors().isEmpty() ? null : String.join(",", a.successors()));
    }

    /** {@code list} cut into runs of at most {@code size} items and {@code length} characters (each item's plus 3). */
    static <T> List<List<T>> chunks(List<T> list, int size, int length) {
        List<List<T>> out = new ArrayList<>();
        List<T> run = new ArrayList<>();
        int chars = 0;
        for (T item : list) {
            int n = item.toString().length() + 3;
            if (!run.isEmpty() && (run.size() >= size || chars + n > length)) {
                out.add(run);
                run = new ArrayList<>();
                chars = 0;
            }
            run.add(item);
            chars += n;
        }
        if (!run.isEmpty()) {
            out.add(run);
        }
        return out;
    }

    /** Only what is stored locally: never calls plans-service (used while rendering documents). */
    /**
     * The stored agencies among {@code codes} in one query per thousand, nothing asked of plans-service. In the caller's
     * transaction they stay loaded, so a {@link #known} of one of them afterwards costs no statement.
     */
    public Map<String, AgencyRef> knownAll(Collection<String> codes) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Map<String, AgencyRef> out = new HashMap<>();
            List<String> asked = codes.stream().filter(c -> c != null).distinct().toList();
            for (List<String> chunk : chunks(asked, STATEMENT_CODES, Integer.MAX_VALUE)) {
                AgencyRef.<AgencyRef>list("code in ?1", chunk).forEach(a -> out.put(a.code, a));
            }
            return out;
        });
    }

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
