package vn.gems.contracts.indicators;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;

/** An administrative unit ({@code GET /api/units/{code}}): code, name, level and parent as of today, validity. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UnitSummary(String code, String name, String level, String parent, LocalDate validFrom, LocalDate validTo) {
}
