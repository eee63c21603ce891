package vn.gems.contracts.indicators;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** {@code GET /api/indicators?codes=A,B,C}: the catalogue entries among the codes asked that exist. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IndicatorPage(List<IndicatorSummary> items, long total) {

    public IndicatorPage {
        items = items == null ? List.of() : items;
    }
}
