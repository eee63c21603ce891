package vn.gems.contracts.plans;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.List;

/**
 * An agency of plans-service's registry ({@code GET /api/agencies/{code}}; {@code /holders} answers a list of them):
 * names, the unit it serves, its parent, when it was retired ({@code validTo}) and who took its duties over.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Agency(String code, String nameVi, String nameEn, String unitCode, String parentCode, LocalDate validFrom,
                     LocalDate validTo, boolean active, List<String> successors) {

    public Agency {
        successors = successors == null ? List.of() : successors;
    }
}
