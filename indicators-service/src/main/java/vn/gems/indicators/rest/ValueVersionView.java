package vn.gems.indicators.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One version of a value in its audit history: CURRENT (in force), UPDATED (replaced by {@code supersededBy})
 * or RETIRED (removed by a replace push), with the batch that wrote it.
 */
@Schema(name = "ValueVersion", example = """
        {"change":"UPDATED","value":7000,"numerator":null,"denominator":null,"status":"PROVISIONAL",
         "source":{"pushId":40,"kind":"MANUAL","reference":null,"agency":"TTH-DOH","system":"gems-cli"},
         "writtenBy":"health.reporter","writtenAt":"2026-02-01T08:00:00Z","supersededBy":42,"supersededAt":"2026-03-02T08:00:00Z"}""")
public record ValueVersionView(String change, BigDecimal value, BigDecimal numerator, BigDecimal denominator, String status,
                               ValueView.SourceRef source, String writtenBy, Instant writtenAt, Long supersededBy,
                               Instant supersededAt) {
}
