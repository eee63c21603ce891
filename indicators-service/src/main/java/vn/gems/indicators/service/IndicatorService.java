package vn.gems.indicators.service;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import vn.gems.common.http.ETags;
import vn.gems.common.http.PageView;
import vn.gems.common.http.Paging;
import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemException;
import vn.gems.indicators.Aggregation;
import vn.gems.indicators.DimensionSpec;
import vn.gems.indicators.Indicator;
import vn.gems.indicators.MeasureUnit;
import vn.gems.indicators.ValueType;
import vn.gems.indicators.mapping.IndicatorMapper;
import vn.gems.indicators.rest.IndicatorInput;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The indicator catalogue: consistent definitions, and no redefinition once values depend on one. */
@ApplicationScoped
@Transactional
public class IndicatorService {

    private final EntityManager em;
    private final Revisions revisions;

    public IndicatorService(EntityManager em, Revisions revisions) {
        this.em = em;
        this.revisions = revisions;
    }

    public Optional<Indicator> find(String code) {
        return Indicator.find("code", code).firstResultOptional();
    }

    public List<Indicator> byCodes(List<String> codes) {
        return Indicator.list("code in ?1", Sort.by("code"), codes);
    }

    public PageView<Indicator> list(String sector, String q, Paging paging) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> p = new HashMap<>();
        if (sector != null && !sector.isBlank()) {
            where.append(" and :sector member of sectors");
            p.put("sector", sector.trim());
        }
        if (q != null && !q.isBlank()) {
            where.append(" and (lower(code) like :q or lower(nameVi) like :q or lower(nameEn) like :q)");
            p.put("q", "%" + q.trim().toLowerCase() + "%");
        }
        var query = Indicator.<Indicator>find(where.toString(), Sort.by("code"), p);
        long total = query.count();
        if ((long) paging.page() * paging.size() >= total) {
            return new PageView<>(List.of(), total, paging.page(), paging.size());
        }
        return new PageView<>(query.page(Page.of(paging.page(), paging.size())).list(), total, paging.page(), paging.size());
    }

    public Indicator create(@Valid @NotNull IndicatorInput in) {
        if (find(in.code()).isPresent()) {
            throw ProblemException.conflict("INDICATOR_EXISTS", "Indicator " + in.code() + " already exists");
        }
        checkConsistent(in);
        Indicator i = new Indicator();
        i.code = in.code();
        IndicatorMapper.apply(in, i);
        i.persist();
        revisions.bump();
        return i;
    }

    public Optional<Indicator> update(String code, String ifMatch, @Valid @NotNull IndicatorInput in) {
        Optional<Indicator> found = find(code);
        found.ifPresent(i -> {
            ETags.requireMatch(ifMatch, i.version);
            checkConsistent(in);
            if (hasValues(i.id)) {
                checkCompatible(i, in);
            }
            IndicatorMapper.apply(in, i);
            revisions.bump();
        });
        return found;
    }

    private boolean hasValues(int id) {
        return !em.createNativeQuery("select 1 from indicator_value where indicator_id = ?1 limit 1").setParameter(1, id).getResultList().isEmpty();
    }

    /** Once values exist, what they mean must not change: unit, aggregation, sex split, value type, and declared dimension values. */
    private static void checkCompatible(Indicator i, IndicatorInput in) {
        List<FieldError> errors = new ArrayList<>();
        if (i.unit != in.unit()) {
            errors.add(new FieldError("unit", "INDICATOR_HAS_VALUES", "values are stored in " + i.unit));
        }
        if (i.aggregation != in.aggregation()) {
            errors.add(new FieldError("aggregation", "INDICATOR_HAS_VALUES", "values are stored for " + i.aggregation));
        }
        if (i.bySex != in.bySex()) {
            errors.add(new FieldError("bySex", "INDICATOR_HAS_VALUES", "values are stored " + (i.bySex ? "by sex" : "without sex")));
        }
        ValueType type = in.valueType() == null ? IndicatorMapper.valueTypeOf(in.unit()) : in.valueType();
        if (i.valueType != type) {
            errors.add(new FieldError("valueType", "INDICATOR_HAS_VALUES", "values are stored as " + i.valueType));
        }
        Map<String, Set<String>> now = new HashMap<>();
        if (in.dimensions() != null) {
            in.dimensions().forEach(d -> now.put(d.code(), new HashSet<>(d.values())));
        }
        for (DimensionSpec d : i.dimensions) {
            Set<String> kept = now.get(d.code());
            if (kept == null || !kept.containsAll(d.values())) {
                errors.add(new FieldError("dimensions", "INDICATOR_HAS_VALUES", "dimension " + d.code() + " and its values must stay: values may use them"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(409, "INDICATOR_HAS_VALUES", "Conflict", "Values of " + i.code
                    + " exist; what they mean cannot change (add a new indicator instead)", errors, Map.of());
        }
    }

    /** The definition must make sense: persons by sex, rates with numerator and denominator, counts added up. */
    static void checkConsistent(IndicatorInput in) {
        List<FieldError> errors = new ArrayList<>();
        if (in.subject().requiresSex() && !in.bySex()) {
            errors.add(new FieldError("bySex", "SEX_REQUIRED_FOR_PERSONS", "person-based indicators are collected by sex (female, male, total)"));
        }
        ValueType implied = IndicatorMapper.valueTypeOf(in.unit());
        if (in.valueType() != null && in.valueType() != implied) {
            errors.add(new FieldError("valueType", "INCONSISTENT_VALUE_TYPE", in.unit() + " values are " + implied));
        }
        switch (in.aggregation()) {
            case SUM -> {
                if (in.unit() != MeasureUnit.COUNT && in.unit() != MeasureUnit.HOURS) {
                    errors.add(new FieldError("aggregation", "INCONSISTENT_AGGREGATION",
                            "only counts and hours add up; a " + in.unit() + " figure is recomputed (RATIO) or NONE"));
                }
            }
            case RATIO -> {
                if (in.unit().multiplier() == null) {
                    errors.add(new FieldError("aggregation", "INCONSISTENT_AGGREGATION", "a " + in.unit() + " figure is not a rate"));
                }
                if (blank(in.numeratorEn()) && blank(in.numeratorVi())) {
                    errors.add(new FieldError("numeratorEn", "NUMERATOR_DEFINITION_REQUIRED", "say what the numerator counts"));
                }
                if (blank(in.denominatorEn()) && blank(in.denominatorVi())) {
                    errors.add(new FieldError("denominatorEn", "DENOMINATOR_DEFINITION_REQUIRED", "say what the denominator counts"));
                }
            }
            case NONE -> {
            }
        }
        if (in.unit() == MeasureUnit.YES_NO && in.aggregation() != Aggregation.NONE) {
            errors.add(new FieldError("aggregation", "INCONSISTENT_AGGREGATION", "yes/no milestones do not add up: use NONE"));
        }
        if (in.dimensions() != null) {
            Set<String> codes = new HashSet<>();
            for (int k = 0; k < in.dimensions().size(); k++) {
                DimensionSpec d = in.dimensions().get(k);
                if (d == null) {
                    continue;
                }
                if ("sex".equals(d.code())) {
                    errors.add(new FieldError("dimensions[" + k + "].code", "SEX_IS_NOT_A_DIMENSION", "sex is declared with bySex"));
                } else if (!codes.add(d.code())) {
                    errors.add(new FieldError("dimensions[" + k + "].code", "DUPLICATE_DIMENSION", "dimension " + d.code() + " is declared twice"));
                }
                if (d.values() != null && new HashSet<>(d.values()).size() != d.values().size()) {
                    errors.add(new FieldError("dimensions[" + k + "].values", "DUPLICATE_VALUE", "a value is listed twice"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("INCONSISTENT_INDICATOR", "The indicator's definition is inconsistent", errors);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
