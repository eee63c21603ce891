package vn.gems.indicators.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.gems.indicators.Aggregation;
import vn.gems.indicators.DimensionSpec;
import vn.gems.indicators.Direction;
import vn.gems.indicators.MeasureUnit;
import vn.gems.indicators.Periodicity;
import vn.gems.indicators.Subject;
import vn.gems.indicators.ValueType;

import java.math.BigDecimal;
import java.util.List;

/** A catalogue entry as the API shows it; {@code multiplier} turns numerator ÷ denominator into the figure. */
@Schema(name = "Indicator", example = """
        {"code":"BIRTHS","nameVi":"Số trẻ sinh ra sống","nameEn":"Live births","definitionVi":"Số trẻ sinh ra sống trong kỳ",
         "definitionEn":"Live births in the period; sex ratio at birth = male ÷ female × 100","unit":"COUNT","valueType":"INTEGER",
         "subject":"PERSONS","bySex":true,"dimensions":[],"aggregation":"SUM","multiplier":null,"numeratorVi":null,"numeratorEn":null,
         "denominatorVi":null,"denominatorEn":null,"direction":"NEUTRAL","periodicity":"ANNUAL","supplierSectors":["HEALTH"],"version":0}""")
public record IndicatorView(String code, String nameVi, String nameEn, String definitionVi, String definitionEn, MeasureUnit unit,
                            ValueType valueType, Subject subject, boolean bySex, List<DimensionSpec> dimensions,
                            Aggregation aggregation, BigDecimal multiplier, String numeratorVi, String numeratorEn,
                            String denominatorVi, String denominatorEn, Direction direction, Periodicity periodicity,
                            List<String> supplierSectors, long version) {
}
