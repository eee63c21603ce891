package vn.gems.indicators.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** A current value with where it came from, who wrote it and when. */
@Schema(name = "Value", example = """
        {"indicatorCode":"BIRTHS","unitCode":"VN-46","period":"2024","sex":"FEMALE","dimensions":{},"value":7012,
         "numerator":null,"denominator":null,"status":"FINAL",
         "source":{"pushId":42,"kind":"REPORT","reference":"submission:41:v2","agency":"TTH-DOH","system":"reporting-service"},
         "writtenBy":"service-account-reporting-service","writtenAt":"2026-03-02T08:00:00Z"}""")
public record ValueView(String indicatorCode, String unitCode, String period, String sex, Map<String, String> dimensions,
                        BigDecimal value, BigDecimal numerator, BigDecimal denominator, String status, SourceRef source,
                        String writtenBy, Instant writtenAt) {

    /** The batch that wrote the value. */
    @Schema(name = "ValueSource")
    public record SourceRef(long pushId, String kind, String reference, String agency, String system) {
    }
}
