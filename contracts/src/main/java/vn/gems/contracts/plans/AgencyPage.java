package vn.gems.contracts.plans;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** {@code GET /api/agencies?codes=A,B,C}: the agencies among the codes asked that exist (the caller computes the missing ones). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgencyPage(List<Agency> items, long total) {

    public AgencyPage {
        items = items == null ? List.of() : items;
    }
}
