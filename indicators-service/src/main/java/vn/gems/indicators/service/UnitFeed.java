package vn.gems.indicators.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.gems.indicators.AdminUnit;
import vn.gems.indicators.UnitChange;
import vn.gems.indicators.UnitChangeType;
import vn.gems.indicators.UnitName;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes and reads the unit change feed. {@link #append} must run in the transaction that changes the unit
 * ({@link Transactional.TxType#MANDATORY}): the feed entry commits or rolls back with the change.
 */
@ApplicationScoped
public class UnitFeed {

    private final EntityManager em;

    public UnitFeed(EntityManager em) {
        this.em = em;
    }

    /**
     * Appends one entry. The counter row's lock is held to commit, so concurrent writers commit in sequence order:
     * a reader never sees n+1 while n may still appear.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UnitChange append(UnitChangeType type, AdminUnit unit, LocalDate effective, List<AdminUnit> successors, Long eventId) {
        long seq = ((Number) em.createNativeQuery("update unit_change_head set last_seq = last_seq + 1 where id = 1 returning last_seq")
                .getSingleResult()).longValue();
        // The unit as it stands on the day (an ended unit: on its last day).
        LocalDate asOf = unit.validTo != null && unit.validTo.isBefore(effective) ? unit.validTo : effective;
        UnitName name = unit.nameOn(asOf).orElseThrow();
        UnitChange c = new UnitChange();
        c.seq = seq;
        c.kind = type;
        c.unitCode = unit.code;
        c.level = unit.level;
        c.parentCode = unit.parentOn(asOf).map(p -> p.parent.code).orElse(null);
        c.nameVi = name.nameVi;
        c.nameEn = name.nameEn;
        c.effectiveDate = effective;
        c.successors = String.join(",", successors.stream().map(s -> s.code).toList());
        c.eventId = eventId;
        c.recordedAt = Instant.now();
        c.persist();
        return c;
    }

    /** Up to {@code size} entries with a sequence number above {@code after}, in order. */
    @Transactional
    public List<UnitChange> after(long after, int size) {
        return UnitChange.find("seq > ?1 order by seq", after).page(0, size).list();
    }

    /** The last sequence number written. */
    @Transactional
    public long head() {
        return ((Number) em.createNativeQuery("select last_seq from unit_change_head where id = 1").getSingleResult()).longValue();
    }
}
