package vn.gems.plans.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemException;
import vn.gems.plans.client.IndicatorsClient;
import vn.gems.plans.config.PlansConfig;
import vn.gems.plans.rest.Assignment;
import vn.gems.plans.rest.ContentArea;
import vn.gems.plans.rest.Keys;
import vn.gems.plans.rest.Measure;
import vn.gems.plans.rest.Objective;
import vn.gems.plans.rest.PlanDocument;
import vn.gems.plans.rest.ReportingRule;
import vn.gems.plans.rest.Target;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a plan document and reports every problem at once, each with the JSON path of the offending field
 * (e.g. {@code objectives[3].targets[2].measures[0].indicatorCode}) and a stable code. Three layers:
 * <ol>
 *   <li>{@link #structure}: field constraints, keys (generated where absent, unique), and the rules that need
 *       nothing but the document (periods, comparators, due dates, submitters, cross-references by key);</li>
 *   <li>references to this service's data (agencies, plans), checked by {@link PlanService} with
 *       {@link #agencyReferences};</li>
 *   <li>{@link #remote}: the unit and indicator codes, asked of indicators-service.</li>
 * </ol>
 * Missing years are filled from the plan's period (a measure's target year, a recurring rule's from/to years),
 * so stored documents are complete and round-trip unchanged.
 */
@ApplicationScoped
public class PlanValidator {

    public static final String PROBLEM_CODE = "PLAN_INVALID";

    private final Validator beanValidator;
    private final IndicatorsClient indicators;
    private final PlansConfig config;

    public PlanValidator(Validator beanValidator, IndicatorsClient indicators, PlansConfig config) {
        this.beanValidator = beanValidator;
        this.indicators = indicators;
        this.config = config;
    }

    /** The 422 answer listing every error. */
    public static ProblemException invalid(List<FieldError> errors) {
        return ProblemException.unprocessable(PROBLEM_CODE, "The plan document has " + errors.size() + " error(s)", errors);
    }

    // ---------------------------------------------------------------- layer 1: the document itself

    /**
     * Checks what the document alone can tell and returns it normalised (keys generated, years filled in).
     * {@code earlierKeys}: keys used by earlier versions, never handed out again to new items.
     */
    public PlanDocument structure(PlanDocument in, Set<String> earlierKeys, List<FieldError> errors) {
        for (ConstraintViolation<PlanDocument> v : beanValidator.validate(in)) {
            errors.add(new FieldError(path(v), code(v), v.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::code));
        PlanDocument doc = PlanKeys.withDefaults(PlanKeys.withKeys(in, earlierKeys, errors));
        checkPeriod(doc, errors);
        Set<String> objectiveKeys = new HashSet<>();
        Set<String> targetKeys = new HashSet<>();
        PlanDocument checked = doc;
        PlanWalk.walk(doc, new PlanWalk.Visitor() {
            @Override
            public void objective(String at, Objective o) {
                objectiveKeys.add(o.key());
            }

            @Override
            public void target(String at, Target t) {
                targetKeys.add(t.key());
            }

            @Override
            public void measure(String at, Measure m) {
                MeasureCheck.check(checked, m, at, errors);
            }
        });
        for (int i = 0; i < doc.assignments().size(); i++) {
            Assignment a = doc.assignments().get(i);
            if (a == null) {
                continue;
            }
            for (int k = 0; k < a.targetKeys().size(); k++) {
                String key = a.targetKeys().get(k);
                if (key != null && !targetKeys.contains(key)) {
                    errors.add(new FieldError("assignments[" + i + "].targetKeys[" + k + "]", "UNKNOWN_TARGET",
                            "no target of this plan has key " + key));
                }
            }
        }
        for (int i = 0; i < doc.contentAreas().size(); i++) {
            ContentArea c = doc.contentAreas().get(i);
            if (c == null) {
                continue;
            }
            for (int k = 0; k < c.objectiveKeys().size(); k++) {
                String key = c.objectiveKeys().get(k);
                if (key != null && !objectiveKeys.contains(key)) {
                    errors.add(new FieldError("contentAreas[" + i + "].objectiveKeys[" + k + "]", "UNKNOWN_OBJECTIVE",
                            "no objective of this plan has key " + key));
                }
            }
        }
        ReportingRuleCheck.check(doc, errors);
        return doc;
    }

    private static void checkPeriod(PlanDocument doc, List<FieldError> errors) {
        if (doc.periodFrom() != null && doc.periodTo() != null && doc.periodFrom() > doc.periodTo()) {
            errors.add(new FieldError("periodTo", "PERIOD_ORDER", "periodTo must not be before periodFrom " + doc.periodFrom()));
        }
        if (doc.issueDate() != null && doc.periodTo() != null && doc.issueDate().getYear() > doc.periodTo()) {
            errors.add(new FieldError("issueDate", "YEAR_OUTSIDE_PERIOD", "a plan cannot be issued after its period ends"));
        }
        if (doc.parentPlan() != null && doc.parentPlan().equals(doc.code())) {
            errors.add(new FieldError("parentPlan", "PARENT_IS_SELF", "a plan cannot implement itself"));
        }
    }

    // ---------------------------------------------------------------- layer 3: indicators-service

    /** The territory a UNIT_COMMITTEES rule names must be a unit indicators-service knows (the plan's own is checked above). */
    private void checkRuleUnits(PlanDocument doc, List<FieldError> errors) {
        for (int i = 0; i < doc.reportingRules().size(); i++) {
            ReportingRule r = doc.reportingRules().get(i);
            String unit = r == null || r.submitters() == null ? null : r.submitters().unit();
            if (unit != null && !unit.isBlank() && !unit.equals(doc.unitCode()) && !indicators.unitExists(unit)) {
                errors.add(new FieldError("reportingRules[" + i + "].submitters.unit", "UNKNOWN_UNIT",
                        "administrative unit " + unit + " is not known to indicators-service"));
            }
        }
    }

    /**
     * Asks indicators-service about the unit (when {@code checkUnit}) and every indicator code. When it cannot
     * answer and the document already has errors, those are reported (422); otherwise the 503 stands.
     */
    public void remote(PlanDocument doc, boolean checkUnit, List<FieldError> errors) {
        try {
            if (checkUnit && config.validateUnits() && doc.unitCode() != null && !doc.unitCode().isBlank()
                    && !indicators.unitExists(doc.unitCode())) {
                errors.add(new FieldError("unitCode", "UNKNOWN_UNIT", "administrative unit " + doc.unitCode() + " is not known to indicators-service"));
            }
            if (config.validateUnits()) {
                checkRuleUnits(doc, errors);
            }
            if (!config.validateIndicators()) {
                return;
            }
            Map<String, List<String>> byCode = new LinkedHashMap<>();
            PlanWalk.measures(doc, (at, m) -> {
                if (m.indicatorCode() != null && m.indicatorCode().matches(Keys.INDICATOR)) {
                    byCode.computeIfAbsent(m.indicatorCode(), c -> new ArrayList<>()).add(at + ".indicatorCode");
                }
            });
            if (byCode.isEmpty()) {
                return;
            }
            Set<String> known = indicators.existingIndicators(List.copyOf(new TreeSet<>(byCode.keySet())));
            byCode.forEach((code, paths) -> {
                if (!known.contains(code)) {
                    paths.forEach(p -> errors.add(new FieldError(p, "UNKNOWN_INDICATOR",
                            "indicator " + code + " is not in indicators-service's catalogue")));
                }
            });
        } catch (ProblemException e) {
            if (e.status() != 503 || errors.isEmpty()) {
                throw e;
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /** {@code objectives[0].targets[1].measures[0].indicatorCode}; container-element markers dropped. */
    static String path(ConstraintViolation<?> v) {
        String p = v.getPropertyPath().toString();
        return p.replace(".<list element>", "").replace(".<map value>", "").replace(".<map key>", "")
                .replace("<list element>", "").replace("<map value>", "").replace("<map key>", "");
    }

    private static String code(ConstraintViolation<?> v) {
        String annotation = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return annotation.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
    }

}
