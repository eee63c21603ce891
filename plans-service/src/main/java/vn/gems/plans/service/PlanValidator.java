package vn.gems.plans.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemException;
import vn.gems.contracts.plans.RuleKind;
import vn.gems.contracts.plans.SubmitterMode;
import vn.gems.contracts.plans.TargetComparator;
import vn.gems.plans.client.IndicatorsClient;
import vn.gems.plans.config.PlansConfig;
import vn.gems.plans.rest.Assignment;
import vn.gems.plans.rest.ContentArea;
import vn.gems.plans.rest.Keys;
import vn.gems.plans.rest.LegalBasis;
import vn.gems.plans.rest.Measure;
import vn.gems.plans.rest.Objective;
import vn.gems.plans.rest.PlanDocument;
import vn.gems.plans.rest.ReportingRule;
import vn.gems.plans.rest.ResponsibleAgency;
import vn.gems.plans.rest.Target;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
        PlanDocument doc = withKeys(in, earlierKeys, errors);
        doc = withDefaults(doc);
        checkPeriod(doc, errors);
        Map<String, String> targetKeys = new HashMap<>();
        Set<String> objectiveKeys = new HashSet<>();
        for (int i = 0; i < doc.objectives().size(); i++) {
            Objective o = doc.objectives().get(i);
            if (o == null) {
                continue;
            }
            objectiveKeys.add(o.key());
            List<Target> targets = o.targets();
            for (int j = 0; j < targets.size(); j++) {
                Target t = targets.get(j);
                if (t == null) {
                    continue;
                }
                targetKeys.put(t.key(), "objectives[" + i + "].targets[" + j + "]");
                List<Measure> measures = t.measures() == null ? List.of() : t.measures();
                for (int k = 0; k < measures.size(); k++) {
                    if (measures.get(k) != null) {
                        checkMeasure(doc, measures.get(k), "objectives[" + i + "].targets[" + j + "].measures[" + k + "]", errors);
                    }
                }
            }
        }
        for (int i = 0; i < doc.assignments().size(); i++) {
            Assignment a = doc.assignments().get(i);
            if (a == null) {
                continue;
            }
            for (int k = 0; k < a.targetKeys().size(); k++) {
                String key = a.targetKeys().get(k);
                if (key != null && !targetKeys.containsKey(key)) {
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
        checkRules(doc, errors);
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

    private static void checkMeasure(PlanDocument doc, Measure m, String at, List<FieldError> errors) {
        BigDecimal target = m.targetValue();
        if (target != null && m.figure() != null) {
            switch (m.figure()) {
                case MILESTONE -> {
                    if (target.compareTo(BigDecimal.ONE) != 0 && target.signum() != 0) {
                        errors.add(new FieldError(at + ".targetValue", "INVALID_MILESTONE", "a milestone's target is 1 (achieved) or 0"));
                    }
                }
                case FEMALE_SHARE -> {
                    if (target.signum() < 0 || target.compareTo(BigDecimal.valueOf(100)) > 0) {
                        errors.add(new FieldError(at + ".targetValue", "OUT_OF_RANGE", "a female share is a percentage from 0 to 100"));
                    }
                }
                case COUNT -> {
                    if (target.signum() < 0 || target.stripTrailingZeros().scale() > 0) {
                        errors.add(new FieldError(at + ".targetValue", "OUT_OF_RANGE", "a count is a whole number, 0 or more"));
                    }
                }
                case GAP -> {
                    // A gap may be negative (women ahead).
                }
                default -> {
                    if (target.signum() < 0) {
                        errors.add(new FieldError(at + ".targetValue", "OUT_OF_RANGE", "must not be negative"));
                    }
                }
            }
        }
        if (m.comparator() == TargetComparator.REDUCE_TO && m.baselineValue() != null && target != null
                && m.baselineValue().compareTo(target) <= 0) {
            errors.add(new FieldError(at + ".baselineValue", "BASELINE_NOT_ABOVE_TARGET",
                    "to reduce from a baseline to a target the baseline must be above the target"));
        }
        if (m.baselineValue() == null && m.baselineYear() != null) {
            errors.add(new FieldError(at + ".baselineYear", "NOT_APPLICABLE", "a baseline year needs a baseline value"));
        }
        Integer when = m.targetYear() != null ? m.targetYear() : m.fromYear();
        if (m.baselineYear() != null && when != null && m.baselineYear() > when) {
            errors.add(new FieldError(at + ".baselineYear", "BASELINE_AFTER_TARGET", "the baseline year must not be after the target year"));
        }
        if (m.fromYear() != null && m.targetYear() != null && m.fromYear() > m.targetYear()) {
            errors.add(new FieldError(at + ".fromYear", "YEAR_ORDER", "fromYear must not be after targetYear"));
        }
        inPeriod(doc, m.targetYear(), at + ".targetYear", errors);
        inPeriod(doc, m.fromYear(), at + ".fromYear", errors);
        Set<String> seen = new HashSet<>();
        List<ResponsibleAgency> agencies = m.responsibleAgencies() == null ? List.of() : m.responsibleAgencies();
        for (int r = 0; r < agencies.size(); r++) {
            ResponsibleAgency ra = agencies.get(r);
            if (ra != null && ra.agency() != null && !seen.add(ra.agency())) {
                errors.add(new FieldError(at + ".responsibleAgencies[" + r + "].agency", "DUPLICATE_AGENCY",
                        "agency " + ra.agency() + " is listed twice for this measure"));
            }
        }
    }

    private static void checkRules(PlanDocument doc, List<FieldError> errors) {
        Map<String, ReportingRule> byKey = new HashMap<>();
        doc.reportingRules().forEach(r -> {
            if (r != null) {
                byKey.putIfAbsent(r.key(), r);
            }
        });
        for (int i = 0; i < doc.reportingRules().size(); i++) {
            ReportingRule r = doc.reportingRules().get(i);
            if (r == null || r.kind() == null) {
                continue;
            }
            String at = "reportingRules[" + i + "]";
            RuleKind kind = r.kind();
            if (kind.oneOff()) {
                require(r.dueDay(), at + ".dueDay", errors);
                require(r.dueMonth(), at + ".dueMonth", errors);
                require(r.dueYear(), at + ".dueYear", errors);
                notApplicable(r.fromYear(), at + ".fromYear", "a one-off rule has a due year, not a year range", errors);
                notApplicable(r.toYear(), at + ".toYear", "a one-off rule has a due year, not a year range", errors);
            } else if (!kind.onRequest()) {
                require(r.dueDay(), at + ".dueDay", errors);
                require(r.dueMonth(), at + ".dueMonth", errors);
                notApplicable(r.dueYear(), at + ".dueYear", "a recurring rule applies every year from fromYear to toYear", errors);
            } else if ((r.dueDay() == null) != (r.dueMonth() == null)) {
                errors.add(new FieldError(at + (r.dueDay() == null ? ".dueDay" : ".dueMonth"), "MISSING_DUE_DATE",
                        "give both the due day and month, or neither (on request)"));
            }
            checkDueDate(r, at, errors);
            if (r.dueYear() != null && doc.periodFrom() != null && doc.periodTo() != null
                    && (r.dueYear() < doc.periodFrom() - 1 || r.dueYear() > doc.periodTo() + 1)) {
                errors.add(new FieldError(at + ".dueYear", "YEAR_OUTSIDE_PERIOD",
                        "the due year must fall within a year of the plan's period " + doc.periodFrom() + "-" + doc.periodTo()));
            }
            if (r.fromYear() != null && r.toYear() != null && r.fromYear() > r.toYear()) {
                errors.add(new FieldError(at + ".toYear", "YEAR_ORDER", "toYear must not be before fromYear"));
            }
            inPeriod(doc, r.fromYear(), at + ".fromYear", errors);
            inPeriod(doc, r.toYear(), at + ".toYear", errors);
            if (r.submitters() != null && r.submitters().mode() != null) {
                if (r.submitters().mode() == SubmitterMode.EXPLICIT && r.submitters().agencies().isEmpty()) {
                    errors.add(new FieldError(at + ".submitters.agencies", "MISSING_SUBMITTERS", "list the submitting agencies"));
                }
                if (r.submitters().mode() != SubmitterMode.EXPLICIT && !r.submitters().agencies().isEmpty()) {
                    errors.add(new FieldError(at + ".submitters.agencies", "NOT_APPLICABLE",
                            "agencies are listed only with mode EXPLICIT; " + r.submitters().mode() + " derives them from the plan"));
                }
            }
            if (r.consolidates() != null) {
                if (r.consolidates().equals(r.key())) {
                    errors.add(new FieldError(at + ".consolidates", "RULE_CYCLE", "a rule cannot consolidate itself"));
                } else if (!byKey.containsKey(r.consolidates())) {
                    errors.add(new FieldError(at + ".consolidates", "UNKNOWN_RULE", "no reporting rule of this plan has key " + r.consolidates()));
                } else if (consolidationLoops(r, byKey)) {
                    errors.add(new FieldError(at + ".consolidates", "RULE_CYCLE", "the consolidation chain loops back to " + r.key()));
                }
            }
        }
    }

    private static boolean consolidationLoops(ReportingRule start, Map<String, ReportingRule> byKey) {
        Set<String> seen = new HashSet<>();
        ReportingRule r = start;
        while (r != null && r.consolidates() != null) {
            if (!seen.add(r.key())) {
                return true;
            }
            r = byKey.get(r.consolidates());
            if (r != null && r.key().equals(start.key())) {
                return true;
            }
        }
        return false;
    }

    private static void checkDueDate(ReportingRule r, String at, List<FieldError> errors) {
        if (r.dueDay() == null || r.dueMonth() == null || r.dueMonth() < 1 || r.dueMonth() > 12 || r.dueDay() < 1 || r.dueDay() > 31) {
            return;
        }
        try {
            if (r.dueYear() != null) {
                LocalDate.of(r.dueYear(), r.dueMonth(), r.dueDay());
            } else {
                MonthDay md = MonthDay.of(r.dueMonth(), r.dueDay());
                if (md.equals(MonthDay.of(2, 29))) {
                    throw new DateTimeException("29 February is not a yearly date");
                }
            }
        } catch (DateTimeException e) {
            errors.add(new FieldError(at + ".dueDay", "INVALID_DUE_DATE", r.dueDay() + "/" + r.dueMonth()
                    + (r.dueYear() == null ? " is not a date every year" : "/" + r.dueYear() + " is not a date")));
        }
    }

    private static void inPeriod(PlanDocument doc, Integer year, String at, List<FieldError> errors) {
        if (year != null && doc.periodFrom() != null && doc.periodTo() != null && (year < doc.periodFrom() || year > doc.periodTo())) {
            errors.add(new FieldError(at, "YEAR_OUTSIDE_PERIOD", year + " is outside the plan's period " + doc.periodFrom() + "-" + doc.periodTo()));
        }
    }

    private static void require(Integer value, String at, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(at, "MISSING_DUE_DATE", "required for this kind of rule"));
        }
    }

    private static void notApplicable(Integer value, String at, String why, List<FieldError> errors) {
        if (value != null) {
            errors.add(new FieldError(at, "NOT_APPLICABLE", why));
        }
    }

    // ---------------------------------------------------------------- keys

    /**
     * Keeps every given key, flags duplicates, and gives keyless items the next free key of their kind:
     * O{n}; {objective}-T{n}; {target}-M{n}; C{n}; A{n}; R{n}.
     */
    static PlanDocument withKeys(PlanDocument doc, Set<String> earlierKeys, List<FieldError> errors) {
        Map<String, String> firstUse = new LinkedHashMap<>();
        Set<String> used = new HashSet<>(earlierKeys);
        for (int i = 0; i < doc.objectives().size(); i++) {
            Objective o = doc.objectives().get(i);
            if (o == null) {
                continue;
            }
            claim(o.key(), "objectives[" + i + "].key", firstUse, used, errors);
            for (int j = 0; j < o.targets().size(); j++) {
                Target t = o.targets().get(j);
                if (t == null) {
                    continue;
                }
                claim(t.key(), "objectives[" + i + "].targets[" + j + "].key", firstUse, used, errors);
                if (t.measures() != null) {
                    for (int k = 0; k < t.measures().size(); k++) {
                        Measure m = t.measures().get(k);
                        if (m != null) {
                            claim(m.key(), "objectives[" + i + "].targets[" + j + "].measures[" + k + "].key", firstUse, used, errors);
                        }
                    }
                }
            }
        }
        for (int i = 0; i < doc.contentAreas().size(); i++) {
            ContentArea c = doc.contentAreas().get(i);
            if (c != null) {
                claim(c.key(), "contentAreas[" + i + "].key", firstUse, used, errors);
            }
        }
        for (int i = 0; i < doc.assignments().size(); i++) {
            Assignment a = doc.assignments().get(i);
            if (a != null) {
                claim(a.key(), "assignments[" + i + "].key", firstUse, used, errors);
            }
        }
        for (int i = 0; i < doc.reportingRules().size(); i++) {
            ReportingRule r = doc.reportingRules().get(i);
            if (r != null) {
                claim(r.key(), "reportingRules[" + i + "].key", firstUse, used, errors);
            }
        }

        List<Objective> objectives = new ArrayList<>();
        for (int i = 0; i < doc.objectives().size(); i++) {
            Objective o = doc.objectives().get(i);
            if (o == null) {
                objectives.add(null);
                continue;
            }
            String ok = o.key() != null ? o.key() : next("O", i + 1, used);
            List<Target> targets = new ArrayList<>();
            for (int j = 0; j < o.targets().size(); j++) {
                Target t = o.targets().get(j);
                if (t == null) {
                    targets.add(null);
                    continue;
                }
                String tk = t.key() != null ? t.key() : next(ok + "-T", j + 1, used);
                List<Measure> measures = null;
                if (t.measures() != null) {
                    measures = new ArrayList<>();
                    for (int k = 0; k < t.measures().size(); k++) {
                        Measure m = t.measures().get(k);
                        measures.add(m == null || m.key() != null ? m : m.withKey(next(tk + "-M", k + 1, used)));
                    }
                }
                targets.add(t.withKeys(tk, measures));
            }
            objectives.add(o.withKeys(ok, targets));
        }
        List<ContentArea> areas = new ArrayList<>();
        for (int i = 0; i < doc.contentAreas().size(); i++) {
            ContentArea c = doc.contentAreas().get(i);
            areas.add(c == null || c.key() != null ? c : c.withKey(next("C", i + 1, used)));
        }
        List<Assignment> assignments = new ArrayList<>();
        for (int i = 0; i < doc.assignments().size(); i++) {
            Assignment a = doc.assignments().get(i);
            assignments.add(a == null || a.key() != null ? a : a.withKey(next("A", i + 1, used)));
        }
        List<ReportingRule> rules = new ArrayList<>();
        for (int i = 0; i < doc.reportingRules().size(); i++) {
            ReportingRule r = doc.reportingRules().get(i);
            rules.add(r == null || r.key() != null ? r : r.withKey(next("R", i + 1, used)));
        }
        return doc.withStructure(objectives, areas, assignments, rules);
    }

    private static void claim(String key, String at, Map<String, String> firstUse, Set<String> used, List<FieldError> errors) {
        if (key == null) {
            return;
        }
        String earlier = firstUse.putIfAbsent(key, at);
        if (earlier != null) {
            errors.add(new FieldError(at, "DUPLICATE_KEY", "key " + key + " is already used at " + earlier.replace(".key", "")));
        }
        used.add(key);
    }

    private static String next(String prefix, int from, Set<String> used) {
        int n = from;
        while (used.contains(prefix + n)) {
            n++;
        }
        String key = prefix + n;
        used.add(key);
        return key;
    }

    /** A measure without a year targets the end of the period; a recurring rule without years runs the whole period. */
    private static PlanDocument withDefaults(PlanDocument doc) {
        if (doc.periodFrom() == null || doc.periodTo() == null) {
            return doc;
        }
        List<Objective> objectives = new ArrayList<>();
        for (Objective o : doc.objectives()) {
            if (o == null) {
                objectives.add(null);
                continue;
            }
            List<Target> targets = new ArrayList<>();
            for (Target t : o.targets()) {
                if (t == null || t.measures() == null) {
                    targets.add(t);
                    continue;
                }
                List<Measure> measures = new ArrayList<>();
                for (Measure m : t.measures()) {
                    measures.add(m == null || m.targetYear() != null || m.fromYear() != null ? m
                            : new Measure(m.key(), m.indicatorCode(), m.figure(), m.comparator(), m.baselineValue(), m.baselineYear(),
                            m.targetValue(), doc.periodTo(), null, m.dimensions(), m.responsibleAgencies(), m.note()));
                }
                targets.add(t.withKeys(t.key(), measures));
            }
            objectives.add(o.withKeys(o.key(), targets));
        }
        List<ReportingRule> rules = new ArrayList<>();
        for (ReportingRule r : doc.reportingRules()) {
            boolean ranged = r != null && r.kind() != null && !r.kind().oneOff() && r.dueYear() == null;
            rules.add(!ranged || (r.fromYear() != null && r.toYear() != null) ? r
                    : new ReportingRule(r.key(), r.kind(), r.title(), r.text(), r.dueDay(), r.dueMonth(), r.dueYear(),
                    r.fromYear() != null ? r.fromYear() : doc.periodFrom(), r.toYear() != null ? r.toYear() : doc.periodTo(),
                    r.submitters(), r.receivingAgency(), r.copyTo(), r.coverage(), r.consolidates()));
        }
        return doc.withStructure(objectives, doc.contentAreas(), doc.assignments(), rules);
    }

    // ---------------------------------------------------------------- layer 2: what the document refers to

    /** Every agency code the document names, by the path that names it. */
    public static Map<String, String> agencyReferences(PlanDocument doc) {
        Map<String, String> refs = new LinkedHashMap<>();
        put(refs, "issuingAgency", doc.issuingAgency());
        put(refs, "leadAgency", doc.leadAgency());
        for (int i = 0; i < doc.objectives().size(); i++) {
            Objective o = doc.objectives().get(i);
            if (o == null) {
                continue;
            }
            for (int j = 0; j < o.targets().size(); j++) {
                Target t = o.targets().get(j);
                if (t == null || t.measures() == null) {
                    continue;
                }
                for (int k = 0; k < t.measures().size(); k++) {
                    Measure m = t.measures().get(k);
                    if (m == null || m.responsibleAgencies() == null) {
                        continue;
                    }
                    for (int r = 0; r < m.responsibleAgencies().size(); r++) {
                        ResponsibleAgency ra = m.responsibleAgencies().get(r);
                        if (ra != null) {
                            put(refs, "objectives[" + i + "].targets[" + j + "].measures[" + k + "].responsibleAgencies[" + r + "].agency", ra.agency());
                        }
                    }
                }
            }
        }
        for (int i = 0; i < doc.contentAreas().size(); i++) {
            ContentArea c = doc.contentAreas().get(i);
            if (c == null) {
                continue;
            }
            list(refs, "contentAreas[" + i + "].leadAgencies", c.leadAgencies());
            list(refs, "contentAreas[" + i + "].cooperatingAgencies", c.cooperatingAgencies());
        }
        for (int i = 0; i < doc.assignments().size(); i++) {
            Assignment a = doc.assignments().get(i);
            if (a != null) {
                list(refs, "assignments[" + i + "].agencies", a.agencies());
            }
        }
        for (int i = 0; i < doc.reportingRules().size(); i++) {
            ReportingRule r = doc.reportingRules().get(i);
            if (r == null) {
                continue;
            }
            if (r.submitters() != null) {
                list(refs, "reportingRules[" + i + "].submitters.agencies", r.submitters().agencies());
            }
            put(refs, "reportingRules[" + i + "].receivingAgency", r.receivingAgency());
            list(refs, "reportingRules[" + i + "].copyTo", r.copyTo());
        }
        return refs;
    }

    /** Every plan code the document links to, by path. */
    public static Map<String, String> planReferences(PlanDocument doc) {
        Map<String, String> refs = new LinkedHashMap<>();
        put(refs, "parentPlan", doc.parentPlan());
        for (int i = 0; i < doc.legalBases().size(); i++) {
            LegalBasis b = doc.legalBases().get(i);
            if (b != null) {
                put(refs, "legalBases[" + i + "].planCode", b.planCode());
            }
        }
        return refs;
    }

    private static void put(Map<String, String> refs, String at, String code) {
        if (code != null && !code.isBlank()) {
            refs.put(at, code);
        }
    }

    private static void list(Map<String, String> refs, String at, List<String> codes) {
        for (int i = 0; i < codes.size(); i++) {
            put(refs, at + "[" + i + "]", codes.get(i));
        }
    }

    // ---------------------------------------------------------------- layer 3: indicators-service

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
            if (!config.validateIndicators()) {
                return;
            }
            Map<String, List<String>> byCode = new LinkedHashMap<>();
            for (int i = 0; i < doc.objectives().size(); i++) {
                Objective o = doc.objectives().get(i);
                for (int j = 0; o != null && j < o.targets().size(); j++) {
                    Target t = o.targets().get(j);
                    for (int k = 0; t != null && t.measures() != null && k < t.measures().size(); k++) {
                        Measure m = t.measures().get(k);
                        if (m != null && m.indicatorCode() != null && m.indicatorCode().matches(Keys.INDICATOR)) {
                            byCode.computeIfAbsent(m.indicatorCode(), c -> new ArrayList<>())
                                    .add("objectives[" + i + "].targets[" + j + "].measures[" + k + "].indicatorCode");
                        }
                    }
                }
            }
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
