package vn.gems.indicators.push.rules;

import vn.gems.indicators.service.IndicatorMeta;

import vn.gems.indicators.SourceKind;

import java.util.BitSet;
import java.util.Map;

/**
 * Who writes a batch of values and what they may touch. {@code privileged} writers (admins, and
 * reporting-service writing submissions a reviewer accepted) pass the overwrite rule; {@code scope} is null
 * for writers that may write any indicator and unit (statistics pushers), otherwise sector → unit ids.
 */
public record ValueAuthor(String subject, String username, String system, String agency, boolean privileged,
                     Map<String, BitSet> scope, SourceKind kind, String reference) {

    public boolean mayWrite(IndicatorMeta indicator, int unitId) {
        if (scope == null) {
            return true;
        }
        for (String sector : indicator.sectors()) {
            BitSet units = scope.get(sector);
            if (units != null && units.get(unitId)) {
                return true;
            }
        }
        return false;
    }
}
