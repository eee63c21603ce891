package vn.gems.indicators.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gems.common.http.PageView;
import vn.gems.common.http.Paging;
import vn.gems.indicators.service.Catalogue;
import vn.gems.indicators.service.Hierarchy;
import vn.gems.indicators.service.IndicatorMeta;
import vn.gems.indicators.service.Lookup;
import vn.gems.indicators.service.PublicationService;
import vn.gems.indicators.service.RollupQueries;
import vn.gems.indicators.service.ValueQueryService;

import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;

/**
 * The public portal's reads (no token; the gateway routes {@code /api/public/values/**} anonymously): only
 * final values inside published data sets. A data set that is not published answers 404.
 */
@Path("/api/public/values")
@Tag(name = "Public values", description = "Final, published values and roll-ups for the public portal")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicValueResource {

    private final Catalogue catalogue;
    private final PublicationService publications;
    private final ValueQueryService queries;
    private final RollupQueries rollups;

    public PublicValueResource(Catalogue catalogue, PublicationService publications, ValueQueryService queries, RollupQueries rollups) {
        this.catalogue = catalogue;
        this.publications = publications;
        this.queries = queries;
        this.rollups = rollups;
    }

    @GET
    @Operation(summary = "Final values of a published indicator and period (optionally within a unit's territory)")
    public PageView<PublicValueView> list(@QueryParam("indicator") String indicator, @QueryParam("period") String period,
                                    @QueryParam("unit") String unit, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Paging paging = Paging.of(page, size);
        Catalogue.Snapshot cat = catalogue.current();
        IndicatorMeta ind = Lookup.indicator(cat, indicator);
        String p = Lookup.period(period, "period").toString();
        BitSet published = publications.publishedUnits(cat, ind.id(), p);
        if (unit != null && !unit.isBlank()) {
            Hierarchy.Node n = Lookup.unit(cat, unit);
            published.and(cat.hierarchy.territory(n, n.clamp(LocalDate.now())));
        }
        if (published.isEmpty()) {
            return new PageView<>(List.of(), 0, paging.page(), paging.size());
        }
        PageView<ValueView> found = queries.list(cat, new ValueQueryService.Filter(new int[]{ind.id()}, published.stream().toArray(), p, null, null, 'F'), paging);
        return new PageView<>(found.items().stream().map(PublicValueView::of).toList(), found.total(), found.page(), found.size());
    }

    @GET
    @Path("/rollup")
    @Operation(operationId = "getPublicRollup", summary = "A roll-up of final values of a published data set")
    public RollupView rollup(@QueryParam("indicator") String indicator, @QueryParam("unit") String unit, @QueryParam("period") String period,
                             @QueryParam("dims") String dims, @QueryParam("asOf") LocalDate asOf) {
        return rollups.one(indicator, unit, period, dims, asOf, true).forPublic();
    }

    @GET
    @Path("/series")
    @Operation(operationId = "getPublicSeries", summary = "A series over the published periods (unpublished periods are left out)")
    public SeriesView series(@QueryParam("indicator") String indicator, @QueryParam("unit") String unit, @QueryParam("periods") String periods,
                             @QueryParam("from") Integer from, @QueryParam("to") Integer to, @QueryParam("dims") String dims,
                             @QueryParam("asOf") LocalDate asOf) {
        SeriesView s = rollups.series(indicator, unit, periods, from, to, dims, asOf, true);
        return new SeriesView(s.indicator(), s.unit(), s.asOf(), s.points().stream().map(RollupView::forPublic).toList());
    }

    @GET
    @Path("/publications")
    @Operation(operationId = "listPublicPublications", summary = "The published data sets")
    public List<PublicPublicationView> publications(@QueryParam("indicator") String indicator, @QueryParam("period") String period) {
        return publications.list(indicator, period).stream().map(PublicationResource::view).map(PublicPublicationView::of).toList();
    }
}
