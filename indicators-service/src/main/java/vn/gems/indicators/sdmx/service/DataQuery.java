package vn.gems.indicators.sdmx.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A checked SDMX data query: per key dimension the codes asked for (null = any), the time range (null = open) and
 * whether observations are grouped in series (dimensionAtObservation=TIME_PERIOD, the default) or flat (AllDimensions).
 */
public record DataQuery(SdmxStructure dsd, List<Set<String>> key, LocalDate start, LocalDate end, boolean series) {

    public Set<String> codes(int dimension) {
        return key.get(dimension);
    }
}
