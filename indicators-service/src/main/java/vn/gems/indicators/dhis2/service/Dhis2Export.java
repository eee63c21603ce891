package vn.gems.indicators.dhis2.service;

import jakarta.enterprise.context.ApplicationScoped;
import vn.gems.common.http.PageView;
import vn.gems.common.http.Paging;
import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemException;
import vn.gems.indicators.Period;
import vn.gems.indicators.dhis2.input.Dhis2Periods;
import vn.gems.indicators.dhis2.rest.DataValueSet;
import vn.gems.indicators.dhis2.rest.Dhis2MappingInput;
import vn.gems.indicators.rest.ValueView;
import vn.gems.indicators.service.Catalogue;
import vn.gems.indicators.service.IndicatorMeta;
import vn.gems.indicators.service.PublicationService;
import vn.gems.indicators.service.ValueQueryService;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Published final values as a DHIS2 dataValueSets document, through a stored mapping. */
@ApplicationScoped
public class Dhis2Export {

    private final Dhis2Mappings mappings;
    private final Catalogue catalogue;
    private final PublicationService publications;
    private final ValueQueryService values;

    public Dhis2Export(Dhis2Mappings mappings, Catalogue catalogue, PublicationService publications, ValueQueryService values) {
        this.mappings = mappings;
        this.catalogue = catalogue;
        this.publications = publications;
        this.values = values;
    }

    public DataValueSet dataValueSet(String mappingCode, String period, String orgUnit) {
        Compiled m = mappings.resolve(mappingCode, null).orElseThrow(() -> ProblemException.notFound("Dhis2Mapping", mappingCode));
        String p = Optional.ofNullable(period).flatMap(Period::parse).map(Period::toString).orElseGet(() -> Dhis2Periods.toGems(period));
        if (p == null) {
            throw ProblemException.badRequest("INVALID_PERIOD", "period must be 2025, 2025S1, 2025Q3 or 202507",
                    new FieldError("period", "INVALID_VALUE", "2025, 2025S1, 2025Q3 or 202507"));
        }
        Catalogue.Snapshot cat = catalogue.current();
        BitSet mapped = new BitSet();
        for (String unit : m.orgUnitByUnit().keySet()) {
            if (orgUnit == null || orgUnit.equals(m.orgUnitByUnit().get(unit))) {
                cat.hierarchy.find(unit).ifPresent(n -> mapped.set(n.id));
            }
        }
        if (orgUnit != null && mapped.isEmpty()) {
            throw ProblemException.badRequest("UNMAPPED_ORG_UNIT", "Org unit " + orgUnit + " is not in mapping " + m.code(),
                    new FieldError("orgUnit", "INVALID_VALUE", "not in the mapping"));
        }
        Set<String> indicators = new LinkedHashSet<>();
        m.byKey().values().forEach(e -> indicators.add(e.indicator()));
        List<DataValueSet.DataValue> out = new ArrayList<>();
        String dhis2Period = Dhis2Periods.toDhis2(p);
        for (String code : indicators) {
            Optional<IndicatorMeta> ind = cat.indicator(code);
            if (ind.isEmpty()) {
                continue;
            }
            BitSet units = publications.publishedUnits(cat, ind.get().id(), p);
            units.and(mapped);
            if (units.isEmpty()) {
                continue;
            }
            int[] ids = units.stream().toArray();
            for (int page = 0; ; page++) {
                PageView<ValueView> batch = values.list(cat, new ValueQueryService.Filter(new int[]{ind.get().id()}, ids, p, null, null, 'F'),
                        Paging.of(page, Paging.MAX_SIZE));
                for (ValueView v : batch.items()) {
                    Dhis2MappingInput.Element e = m.elementFor(v.indicatorCode(), v.sex(), v.dimensions());
                    String ou = m.orgUnitByUnit().get(v.unitCode());
                    if (e != null && ou != null && v.value() != null) {
                        out.add(new DataValueSet.DataValue(e.dataElement(), dhis2Period, ou, e.categoryOptionCombo(),
                                v.value().stripTrailingZeros().toPlainString()));
                    }
                }
                if ((long) (page + 1) * Paging.MAX_SIZE >= batch.total()) {
                    break;
                }
            }
        }
        return new DataValueSet(m.dataSet(), dhis2Period, out);
    }
}
