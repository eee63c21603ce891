package vn.gems.indicators.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gems.common.http.PageView;
import vn.gems.common.http.Paging;
import vn.gems.common.problem.ProblemException;
import vn.gems.indicators.Indicator;
import vn.gems.indicators.UnitLevel;
import vn.gems.indicators.mapping.IndicatorMapper;
import vn.gems.indicators.mapping.UnitMapper;
import vn.gems.indicators.service.Catalogue;
import vn.gems.indicators.service.Hierarchy;
import vn.gems.indicators.service.IndicatorService;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * What the public portal needs to label its figures (no token; the gateway routes {@code /api/public/units/**} and
 * {@code /api/public/indicators/**} anonymously): the administrative map on a date, with each unit's names over
 * time and the units it merged with, and the indicator catalogue's names. Public facts, read-only.
 */
@Path("/api/public")
@Tag(name = "Public catalogue", description = "Administrative units and indicator names for the public portal")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicCatalogueResource {

    private static final int MAX_CODES = 200;

    private final Catalogue catalogue;
    private final IndicatorService indicators;

    public PublicCatalogueResource(Catalogue catalogue, IndicatorService indicators) {
        this.catalogue = catalogue;
        this.indicators = indicators;
    }

    @GET
    @Path("/units")
    @Operation(operationId = "listPublicUnits", summary = "Units on asOf (today by default): by level, or the children of a parent; all=true also those ended by then")
    public PageView<UnitView> units(@QueryParam("level") UnitLevel level, @QueryParam("parent") String parent,
                                    @Parameter(description = "Hierarchy date, ISO (default today)") @QueryParam("asOf") LocalDate asOf,
                                    @QueryParam("all") boolean all, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Paging paging = Paging.of(page, size);
        LocalDate day = asOf == null ? LocalDate.now() : asOf;
        Hierarchy h = catalogue.current().hierarchy;
        Collection<Hierarchy.Node> candidates = parent == null || parent.isBlank() ? h.all() : h.childrenOn(node(h, parent), day);
        List<UnitView> matching = candidates.stream().filter(n -> all || n.validOn(day)).filter(n -> level == null || n.level == level)
                .sorted(Comparator.comparing(n -> n.code)).map(n -> UnitMapper.toView(h, n, day)).toList();
        return new PageView<>(matching.stream().skip((long) paging.page() * paging.size()).limit(paging.size()).toList(),
                matching.size(), paging.page(), paging.size());
    }

    @GET
    @Path("/units/{code}")
    @Operation(operationId = "getPublicUnit", summary = "One unit as of a date: its name and parent then, its names over time, predecessors and successors")
    public UnitView unit(@PathParam("code") String code, @QueryParam("asOf") LocalDate asOf) {
        Hierarchy h = catalogue.current().hierarchy;
        return UnitMapper.toView(h, node(h, code), asOf == null ? LocalDate.now() : asOf);
    }

    private static Hierarchy.Node node(Hierarchy h, String code) {
        return h.find(code.trim()).orElseThrow(() -> ProblemException.notFound("Unit", code));
    }

    @GET
    @Path("/indicators")
    @Operation(operationId = "listPublicIndicators", summary = "The indicator catalogue (names and definitions in Vietnamese and English); codes=A,B for some")
    public PageView<IndicatorView> indicators(@QueryParam("codes") String codes, @QueryParam("page") Integer page,
                                              @QueryParam("size") Integer size) {
        if (codes != null && !codes.isBlank()) {
            List<String> list = Arrays.stream(codes.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct()
                    .limit(MAX_CODES).toList();
            List<IndicatorView> found = indicators.byCodes(list).stream().map(IndicatorMapper::toView).toList();
            return new PageView<>(found, found.size(), 0, Math.max(1, list.size()));
        }
        PageView<Indicator> p = indicators.list(null, null, Paging.of(page, size));
        return new PageView<>(p.items().stream().map(IndicatorMapper::toView).toList(), p.total(), p.page(), p.size());
    }
}
