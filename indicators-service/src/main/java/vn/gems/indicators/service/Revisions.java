package vn.gems.indicators.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Bumps the reference-data revision inside the writing transaction (see {@link Catalogue}). */
@ApplicationScoped
public class Revisions {

    private final EntityManager em;

    public Revisions(EntityManager em) {
        this.em = em;
    }

    public void bump() {
        em.flush();
        em.createNativeQuery("update catalogue_revision set revision = revision + 1 where id = 1").executeUpdate();
    }
}
