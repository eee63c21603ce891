package vn.gems.plans.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import vn.gems.common.http.PageView;
import vn.gems.common.http.Paging;
import vn.gems.plans.Plan;
import vn.gems.plans.PlanStatus;
import vn.gems.plans.SearchText;
import vn.gems.plans.mapping.PlanMapper;
import vn.gems.plans.rest.PlanSummary;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Plan search: the caller's readable plans, or the published ones for anyone; filters and diacritic-free text. */
@ApplicationScoped
@Transactional
public class PlanSearch {

    private final PlanAccess access;
    private final PlanMapper mapper;
    private final EntityManager em;

    public PlanSearch(PlanAccess access, PlanMapper mapper, EntityManager em) {
        this.access = access;
        this.mapper = mapper;
        this.em = em;
    }

    public PageView<PlanSummary> search(PlanQuery q, Paging paging) {
        Map<String, Object> params = new HashMap<>();
        return search(q, paging, access.readableFilter(params), params);
    }

    public PageView<PlanSummary> searchPublished(PlanQuery q, Paging paging) {
        Map<String, Object> params = new HashMap<>();
        params.put("published", List.of(PlanStatus.ISSUED, PlanStatus.CLOSED));
        return search(q, paging, "p.status in :published", params);
    }

    private PageView<PlanSummary> search(PlanQuery q, Paging paging, String visible, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where ").append(visible);
        if (q.unit() != null && !q.unit().isBlank()) {
            where.append(" and p.unitCode = :unit");
            params.put("unit", q.unit());
        }
        if (q.agency() != null && !q.agency().isBlank()) {
            where.append(" and exists (select 1 from PlanParty pa where pa.planId = p.id and pa.agencyCode = :agency)");
            params.put("agency", q.agency());
        }
        if (q.year() != null) {
            where.append(" and p.periodFrom <= :year and p.periodTo >= :year");
            params.put("year", q.year());
        }
        if (q.kind() != null) {
            where.append(" and p.kind = :kind");
            params.put("kind", q.kind());
        }
        if (q.status() != null) {
            where.append(" and p.status = :status");
            params.put("status", q.status());
        }
        if (q.parent() != null) {
            where.append(" and p.parentId = :parent");
            params.put("parent", q.parent());
        }
        List<String> terms = SearchText.terms(q.text());
        for (int i = 0; i < terms.size(); i++) {
            where.append(" and p.searchText like :t").append(i);
            params.put("t" + i, "%" + terms.get(i) + "%");
        }
        TypedQuery<Long> count = em.createQuery("select count(p) from Plan p" + where, Long.class);
        TypedQuery<Plan> list = em.createQuery("select p from Plan p" + where + " order by p.periodFrom desc, p.id desc", Plan.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            list.setParameter(k, v);
        });
        long offset = (long) paging.page() * paging.size();
        List<PlanSummary> items = offset > Integer.MAX_VALUE ? List.of()
                : list.setFirstResult((int) offset).setMaxResults(paging.size()).getResultList().stream()
                .map(p -> mapper.summary(p, null)).toList();
        return new PageView<>(items, count.getSingleResult(), paging.page(), paging.size());
    }
}
