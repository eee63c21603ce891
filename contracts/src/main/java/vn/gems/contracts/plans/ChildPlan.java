package vn.gems.contracts.plans;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A plan implementing another one (a district plan under a province plan), as its parent lists it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChildPlan(long id, String code, String status, String issuingAgency, String leadAgency, String unitCode,
                        Integer periodFrom, Integer periodTo) {
}
