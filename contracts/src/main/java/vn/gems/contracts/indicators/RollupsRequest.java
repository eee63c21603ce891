package vn.gems.contracts.indicators;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** {@code POST /api/values/rollups}: several roll-ups at one hierarchy date ({@code asOf}, today when null). */
public record RollupsRequest(LocalDate asOf, List<RollupQuery> queries) {

    /** One roll-up: an indicator over a unit's territory for a period and a disaggregation ({@code {}}: all groups). */
    public record RollupQuery(String indicator, String unit, String period, Map<String, String> dimensions) {
    }
}
