package vn.gems.reporting.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.List;

/** What the printed documents need of an administrative unit from indicators-service: its name on a date and its dated names. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UnitNames(String code, String nameVi, String nameEn, LocalDate asOf, List<Name> names) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Name(String nameVi, String nameEn, LocalDate validFrom, LocalDate validTo) {
    }
}
