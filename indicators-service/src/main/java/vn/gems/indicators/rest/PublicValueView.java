package vn.gems.indicators.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A final, published value as anyone may read it: the figure and the agency that supplied it. Who wrote it (an
 * officer's or a service account's user name) and the batch and reference it came in are internal (issue 12.7).
 */
@Schema(name = "PublicValue", example = """
        {"indicatorCode":"BIRTHS","unitCode":"VN-46","period":"2024","sex":"FEMALE","dimensions":{},"value":7012,
         "numerator":null,"denominator":null,"status":"FINAL","agency":"TTH-DOH","writtenAt":"2026-03-02T08:00:00Z"}""")
public record PublicValueView(String indicatorCode, String unitCode, String period, String sex, Map<String, String> dimensions,
                              BigDecimal value, BigDecimal numerator, BigDecimal denominator, String status, String agency,
                              Instant writtenAt) {

    static PublicValueView of(ValueView v) {
        return new PublicValueView(v.indicatorCode(), v.unitCode(), v.period(), v.sex(), v.dimensions(), v.value(), v.numerator(),
                v.denominator(), v.status(), v.source() == null ? null : v.source().agency(), v.writtenAt());
    }
}
