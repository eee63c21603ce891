package vn.gems.indicators.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** An indicator for a unit over several periods, each rolled up as the hierarchy stood on {@code asOf}. */
@Schema(name = "Series")
public record SeriesView(String indicator, String unit, LocalDate asOf, List<RollupView> points) {
}
