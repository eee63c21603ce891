package vn.gems.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Records notices for agencies, once per event (the dedup key), in the caller's transaction. Mail is sent later
 * by {@link MailDispatch} so an SMTP outage never blocks or undoes a submission.
 */
@ApplicationScoped
public class Notifier {

    private final EntityManager em;

    public Notifier(EntityManager em) {
        this.em = em;
    }

    /** True when the notice is new. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean notify(String agency, String kind, Long obligationId, Long reportId, String message, String dedupKey) {
        String text = message.length() > 2000 ? message.substring(0, 2000) : message;
        return em.createNativeQuery("insert into notification(agency, kind, obligation_id, report_id, message, dedup_key) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (dedup_key) do nothing")
                .setParameter(1, agency).setParameter(2, kind).setParameter(3, obligationId).setParameter(4, reportId)
                .setParameter(5, text).setParameter(6, dedupKey)
                .executeUpdate() == 1;
    }
}
