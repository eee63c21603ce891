package vn.gems.indicators.dhis2.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import vn.gems.common.http.ETags;
import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemException;
import vn.gems.common.security.Caller;
import vn.gems.indicators.Sex;
import vn.gems.indicators.dhis2.Dhis2Mapping;
import vn.gems.indicators.dhis2.rest.Dhis2MappingInput;
import vn.gems.indicators.dhis2.rest.Dhis2MappingView;
import vn.gems.indicators.service.Catalogue;
import vn.gems.indicators.service.IndicatorMeta;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The stored DHIS2 mappings: admins create, replace and delete them (If-Match on their version); a mapping is
 * checked against the catalogue when stored (known indicators, sex as the indicator is collected, declared
 * dimension values, known units, no two DHIS2 keys or two GEMS targets alike), so a push or an export can trust it.
 */
@ApplicationScoped
@Transactional
public class Dhis2Mappings {

    static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");

    private final Catalogue catalogue;
    private final Caller caller;
    private final ObjectMapper json;

    public Dhis2Mappings(Catalogue catalogue, Caller caller, ObjectMapper json) {
        this.catalogue = catalogue;
        this.caller = caller;
        this.json = json;
    }

    /** Created (true) or replaced (false), with the stored view. */
    public record Saved(Dhis2MappingView view, boolean created) {
    }

    public List<Dhis2MappingView> list() {
        return Dhis2Mapping.<Dhis2Mapping>listAll(Sort.by("code")).stream().map(this::view).toList();
    }

    public Optional<Dhis2MappingView> find(String code) {
        return Optional.ofNullable(Dhis2Mapping.<Dhis2Mapping>findById(code)).map(this::view);
    }

    public Saved put(String code, String ifMatch, @Valid @NotNull Dhis2MappingInput in) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw ProblemException.badRequest("INVALID_MAPPING_CODE", "A mapping code is 2-40 lower-case letters, digits or dashes",
                    new FieldError("code", "INVALID_VALUE", "2-40 lower-case letters, digits or dashes"));
        }
        Dhis2MappingInput normal = check(in);
        Dhis2Mapping m = Dhis2Mapping.findById(code);
        boolean created = m == null;
        if (created) {
            m = new Dhis2Mapping();
            m.code = code;
            m.version = 1;
        } else {
            ETags.requireMatch(ifMatch, m.version);
            m.version++;
        }
        m.name = normal.name().trim();
        m.dataSet = normal.dataSet();
        m.document = write(normal);
        m.updatedBy = caller.username();
        m.updatedAt = Instant.now();
        m.persist();
        return new Saved(view(m), created);
    }

    public boolean delete(String code, String ifMatch) {
        Dhis2Mapping m = Dhis2Mapping.findById(code);
        if (m == null) {
            return false;
        }
        ETags.requireMatch(ifMatch, m.version);
        m.delete();
        return true;
    }

    /**
     * The mapping a DHIS2 push or export uses: the one named; else the one for the payload's data set; else the only
     * mapping there is. Empty when none fits.
     */
    public Optional<Compiled> resolve(String code, String dataSet) {
        Dhis2Mapping m = null;
        if (code != null && !code.isBlank()) {
            m = Dhis2Mapping.findById(code.trim());
        } else {
            if (dataSet != null) {
                m = Dhis2Mapping.<Dhis2Mapping>find("dataSet", dataSet).firstResult();
            }
            if (m == null && Dhis2Mapping.count() == 1) {
                m = Dhis2Mapping.<Dhis2Mapping>findAll().firstResult();
            }
        }
        return Optional.ofNullable(m).map(x -> Compiled.of(x.code, read(x.document)));
    }

    /** Checks a mapping against the catalogue; the answer has sexes and dimension values in their stored form. */
    Dhis2MappingInput check(Dhis2MappingInput in) {
        Catalogue.Snapshot cat = catalogue.current();
        List<FieldError> errors = new ArrayList<>();
        List<Dhis2MappingInput.Element> elements = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        Set<String> adxKeys = new HashSet<>();
        Map<String, Integer> targets = new HashMap<>();
        for (int i = 0; i < in.dataElements().size(); i++) {
            Dhis2MappingInput.Element e = in.dataElements().get(i);
            String at = "dataElements[" + i + "]";
            Optional<IndicatorMeta> ind = cat.indicator(e.indicator());
            if (ind.isEmpty()) {
                errors.add(new FieldError(at + ".indicator", "UNKNOWN_INDICATOR", "no indicator " + e.indicator() + " in the catalogue"));
                continue;
            }
            String sex = null;
            if (ind.get().bySex()) {
                Sex s = Sex.parse(e.sex());
                if (s == null) {
                    errors.add(new FieldError(at + ".sex", "SEX_REQUIRED", "indicator " + e.indicator() + " is collected by sex: FEMALE, MALE or TOTAL"));
                } else {
                    sex = s.name();
                }
            } else if (e.sex() != null && !e.sex().isBlank()) {
                errors.add(new FieldError(at + ".sex", "SEX_NOT_APPLICABLE", "indicator " + e.indicator() + " is not collected by sex"));
            }
            TreeMap<String, String> dims = new TreeMap<>();
            if (e.dimensions() != null) {
                for (Map.Entry<String, String> d : e.dimensions().entrySet()) {
                    Set<String> allowed = ind.get().dimensions().get(d.getKey());
                    String v = d.getValue().trim().toUpperCase(Locale.ROOT);
                    if (allowed == null) {
                        errors.add(new FieldError(at + ".dimensions." + d.getKey(), "UNKNOWN_DIMENSION",
                                "indicator " + e.indicator() + " is not disaggregated by " + d.getKey()));
                    } else if (!allowed.contains(v)) {
                        errors.add(new FieldError(at + ".dimensions." + d.getKey(), "INVALID_DIMENSION_VALUE", v + " is not one of " + allowed));
                    } else {
                        dims.put(d.getKey(), v);
                    }
                }
            }
            boolean twice = Compiled.forJson(e) && !keys.add(Compiled.key(e.dataElement(), e.categoryOptionCombo()));
            if (twice) {
                errors.add(new FieldError(at + ".dataElement", "DUPLICATE_DATA_ELEMENT",
                        "data element " + e.dataElement() + (e.categoryOptionCombo() == null ? "" : " with combo " + e.categoryOptionCombo()) + " is mapped twice"));
            }
            if (Compiled.forAdx(e) && !adxKeys.add(Compiled.adxKey(e.dataElement(), e.categoryOptions())) && !twice) {
                errors.add(new FieldError(at + ".categoryOptions", "DUPLICATE_DATA_ELEMENT",
                        "data element " + e.dataElement() + " with categories " + e.categoryOptions() + " is mapped twice"));
            }
            Integer before = targets.putIfAbsent(Compiled.target(ind.get().code(), sex, dims), i);
            if (before != null) {
                errors.add(new FieldError(at + ".indicator", "DUPLICATE_TARGET", "the same indicator, sex and dimensions as dataElements[" + before + "]"));
            }
            elements.add(new Dhis2MappingInput.Element(e.dataElement(), blankToNull(e.categoryOptionCombo()),
                    e.categoryOptions() == null || e.categoryOptions().isEmpty() ? null : new TreeMap<>(e.categoryOptions()), ind.get().code(), sex, dims));
        }
        Set<String> orgUnits = new HashSet<>();
        Set<String> units = new HashSet<>();
        for (int i = 0; i < in.orgUnits().size(); i++) {
            Dhis2MappingInput.OrgUnit o = in.orgUnits().get(i);
            if (cat.hierarchy.find(o.unit()).isEmpty()) {
                errors.add(new FieldError("orgUnits[" + i + "].unit", "UNKNOWN_UNIT", "no administrative unit " + o.unit()));
            }
            if (!orgUnits.add(o.orgUnit())) {
                errors.add(new FieldError("orgUnits[" + i + "].orgUnit", "DUPLICATE_ORG_UNIT", "org unit " + o.orgUnit() + " is mapped twice"));
            }
            if (!units.add(o.unit())) {
                errors.add(new FieldError("orgUnits[" + i + "].unit", "DUPLICATE_UNIT", "unit " + o.unit() + " has two org units: an export could not choose"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("INVALID_MAPPING", "The mapping does not fit the catalogue", errors);
        }
        return new Dhis2MappingInput(in.name(), blankToNull(in.dataSet()), elements, in.orgUnits());
    }

    private Dhis2MappingView view(Dhis2Mapping m) {
        Dhis2MappingInput in = read(m.document);
        return new Dhis2MappingView(m.code, m.name, m.dataSet, in.dataElements(), in.orgUnits(), m.version, m.updatedBy, m.updatedAt);
    }

    private String write(Dhis2MappingInput in) {
        try {
            return json.writeValueAsString(in);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Dhis2MappingInput read(String document) {
        try {
            return json.readValue(document, Dhis2MappingInput.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored DHIS2 mapping unreadable", e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
