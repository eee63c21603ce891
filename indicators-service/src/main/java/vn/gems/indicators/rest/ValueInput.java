package vn.gems.indicators.rest;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One value to write. {@code sex} is FEMALE, MALE, TOTAL, or null for indicators not collected by sex;
 * {@code dimensions} holds the other disaggregations ({@code {"ethnicity":"MINORITY"}}), empty for the
 * all-groups figure; rates may give numerator and denominator (the value is then computed when omitted).
 */
@Schema(name = "ValueInput", example = """
        {"indicatorCode":"BIRTHS","unitCode":"VN-46","period":"2024","sex":"FEMALE","dimensions":{},"value":7012,
         "numerator":null,"denominator":null,"status":"FINAL"}""")
public record ValueInput(@Size(max = 80) String indicatorCode, @Size(max = 40) String unitCode, @Size(max = 10) String period,
                         @Size(max = 10) String sex, Map<String, String> dimensions, BigDecimal value, BigDecimal numerator,
                         BigDecimal denominator, @Size(max = 12) String status) {
}
