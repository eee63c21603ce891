package vn.gems.indicators.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An indicator for a unit's territory and a period, as the hierarchy stood on {@code asOf}: counts added up,
 * rates recomputed from summed numerators and denominators, with the gender metrics. Fields that do not apply
 * are null. {@code value} is the total (or the figure of an indicator not collected by sex).
 */
@Schema(name = "Rollup", example = """
        {"indicator":"BIRTHS","unit":"VN-51","period":"2023","asOf":"2026-01-01","dimensions":{},
         "female":150,"male":166,"total":316,"value":316,"numerator":null,"denominator":null,
         "femaleShare":47.4684,"femaleToMaleRatio":0.9036,"maleToFemaleX100":110.6667,"gap":-16,"genderParityIndex":0.9036,
         "contributingUnits":["VN-51","VN-62"],"sources":[{"kind":"PUSH","reference":"births-2023.csv","agency":"TTH-STATS","system":"statistics-office"}],
         "status":"FINAL","valueCount":6,"aggregation":"SUM","measureUnit":"COUNT","note":null}""")
public record RollupView(String indicator, String unit, String period, LocalDate asOf, Map<String, String> dimensions,
                         BigDecimal female, BigDecimal male, BigDecimal total, BigDecimal value, BigDecimal numerator,
                         BigDecimal denominator, BigDecimal femaleShare, BigDecimal femaleToMaleRatio,
                         BigDecimal maleToFemaleX100, BigDecimal gap, BigDecimal genderParityIndex,
                         List<String> contributingUnits, List<SourceRef> sources, String status, int valueCount,
                         String aggregation, String measureUnit, String note) {

    /**
     * The same figure for anonymous readers: its sources name the kind and the supplying agency only, not the file
     * or submission reference nor the system that sent it (issue 12.7).
     */
    public RollupView forPublic() {
        List<SourceRef> open = sources == null ? null
                : sources.stream().map(s -> new SourceRef(s.kind(), null, s.agency(), null)).distinct().toList();
        return new RollupView(indicator, unit, period, asOf, dimensions, female, male, total, value, numerator, denominator,
                femaleShare, femaleToMaleRatio, maleToFemaleX100, gap, genderParityIndex, contributingUnits, open, status,
                valueCount, aggregation, measureUnit, note);
    }

    /** A source a rolled-up figure draws on. */
    @Schema(name = "RollupSource")
    public record SourceRef(String kind, String reference, String agency, String system) {
    }
}
