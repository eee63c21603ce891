package vn.gems.indicators.rest;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gems.indicators.service.RollupQueries;

import java.time.LocalDate;

/** Roll-ups and series, always computed fresh from the values table. */
@Path("/api/values")
@Tag(name = "Roll-ups", description = "Tổng hợp: indicator × unit territory × period as of a hierarchy date, with gender metrics")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class RollupResource {

    private final RollupQueries rollups;

    public RollupResource(RollupQueries rollups) {
        this.rollups = rollups;
    }

    @GET
    @Path("/rollup")
    @Operation(summary = "One roll-up: counts added, rates recomputed from numerators and denominators, across merged units as of asOf")
    public RollupView rollup(@Parameter(example = "BIRTHS") @QueryParam("indicator") String indicator,
                             @Parameter(example = "VN-51") @QueryParam("unit") String unit,
                             @Parameter(example = "2023") @QueryParam("period") String period,
                             @Parameter(description = "code:VALUE pairs", example = "ethnicity:MINORITY") @QueryParam("dims") String dims,
                             @Parameter(description = "Hierarchy date (default today)", example = "2026-01-01") @QueryParam("asOf") LocalDate asOf) {
        return rollups.one(indicator, unit, period, dims, asOf, false);
    }

    @POST
    @Path("/rollups")
    @Operation(operationId = "queryRollups", summary = "Several roll-ups at one hierarchy date, answered in the order asked")
    public RollupsInput.Result rollups(@Valid @NotNull RollupsInput body) {
        return rollups.many(body);
    }

    @GET
    @Path("/series")
    @Operation(operationId = "getSeries", summary = "An indicator for a unit over periods (periods=2021,2022 or from=2021&to=2025), each rolled up as of asOf")
    public SeriesView series(@QueryParam("indicator") String indicator, @QueryParam("unit") String unit,
                             @QueryParam("periods") String periods, @QueryParam("from") Integer from, @QueryParam("to") Integer to,
                             @QueryParam("dims") String dims, @QueryParam("asOf") LocalDate asOf) {
        return rollups.series(indicator, unit, periods, from, to, dims, asOf, false);
    }
}
