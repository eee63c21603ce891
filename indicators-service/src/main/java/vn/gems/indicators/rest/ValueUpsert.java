package vn.gems.indicators.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** The figures of one value (the path names indicator, unit and period; the query sex and dimensions). */
@Schema(name = "ValueUpsert", example = """
        {"value":52.3,"numerator":523,"denominator":1000,"status":"PROVISIONAL","source":{"kind":"MANUAL","reference":"phiếu 12/2024"}}""")
public record ValueUpsert(BigDecimal value, BigDecimal numerator, BigDecimal denominator, @Size(max = 12) String status,
                          @Valid SourceInput source) {
}
