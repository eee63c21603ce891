package vn.gems.indicators.sdmx.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gems.common.problem.ProblemException;
import vn.gems.indicators.sdmx.mapping.DataWriter;
import vn.gems.indicators.sdmx.mapping.SdmxCsvWriter;
import vn.gems.indicators.sdmx.mapping.SdmxJsonWriter;
import vn.gems.indicators.sdmx.mapping.StructureSpecificSchema;
import vn.gems.indicators.sdmx.mapping.StructureSpecificWriter;
import vn.gems.indicators.sdmx.mapping.StructureXmlWriter;
import vn.gems.indicators.sdmx.service.DataQuery;
import vn.gems.indicators.sdmx.service.Observation;
import vn.gems.indicators.sdmx.service.SdmxDataService;
import vn.gems.indicators.sdmx.service.SdmxStructure;
import vn.gems.indicators.service.Catalogue;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * The SDMX 2.1 REST API (no token needed; the gateway routes {@code /sdmx/**} anonymously): the dataflow, data
 * structure, code lists and concept scheme generated from the catalogue, and the data — final values inside published
 * data sets only, the same for every caller, exactly as {@code /api/public/values}. Formats by {@code Accept}.
 */
@Path("/sdmx/2.1")
@Tag(name = "SDMX", description = "SDMX 2.1 REST: structures (SDMX-ML 2.1) and published data (SDMX-ML structure-specific, SDMX-CSV 1.0/2.0, SDMX-JSON 1.0)")
@PermitAll
public class SdmxResource {

    private static final String CSV_EXAMPLE = """
            DATAFLOW,INDICATOR,REF_AREA,SEX,ETHNICITY,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MEASURE,SOURCE,NUMERATOR,DENOMINATOR
            GEMS:DF_GEMS(1.0),WAGE_WORKERS,VN-46,F,_Z,2023,152000,A,COUNT,TTH-STATS,,
            """;

    private final Catalogue catalogue;
    private final SdmxDataService data;

    public SdmxResource(Catalogue catalogue, SdmxDataService data) {
        this.catalogue = catalogue;
        this.data = data;
    }

    /**
     * One operation for the four structure types, as the SDMX 2.1 REST API addresses them
     * ({@code /{structureType}/{agencyID}/{resourceID}/{version}}); what each type writes is chosen in {@link #structureMessage}.
     */
    @GET
    @Path("/{structure: dataflow|datastructure|codelist|conceptscheme}/{agency}/{id}/{version}")
    @Operation(operationId = "getSdmxStructure", summary = "A structure: the dataflow GEMS/DF_GEMS/1.0 (references=all adds its DSD, concepts "
            + "and code lists), the data structure definition GEMS/DSD_GEMS/1.0 with its concepts and code lists (references=none: "
            + "alone), a code list (CL_REF_AREA: the units with their validity; CL_INDICATOR, CL_SEX, CL_ETHNICITY, …; all for every "
            + "one), or the concept scheme GEMS/CS_GEMS/1.0")
    @APIResponse(responseCode = "200", description = "SDMX-ML 2.1 structure message", content = @Content(mediaType = "application/vnd.sdmx.structure+xml;version=2.1"))
    @APIResponse(responseCode = "404", description = "No such structure or code list")
    @APIResponse(responseCode = "406", description = "Only SDMX-ML 2.1 structures are served")
    public Response structure(@Parameter(description = "The structure type", schema = @Schema(type = SchemaType.STRING,
                                      enumeration = {"dataflow", "datastructure", "codelist", "conceptscheme"})) @PathParam("structure") String structure,
                              @PathParam("agency") String agency, @PathParam("id") String id, @PathParam("version") String version,
                              @HeaderParam("Accept") String accept,
                              @Parameter(description = "dataflow: none (default), children, descendants or all; datastructure: all (default), "
                                      + "children, descendants, parents or none; not read for code lists and the concept scheme")
                              @QueryParam("references") String references) {
        boolean readsReferences = structure.equals("dataflow") || structure.equals("datastructure");
        return structureMessage(structure, agency + "/" + id + "/" + version, accept, readsReferences ? references : null);
    }

    private Response structureMessage(String resource, String ref, String accept, String references) {
        SdmxMediaTypes type = SdmxMediaTypes.structure(accept);
        String[] p = ref.split("/", -1);
        if (p.length > 3) {
            throw new ProblemException(404, "NO_SUCH_STRUCTURE", "Not found", "A structure is /{agency}/{id}/{version}");
        }
        String agency = p[0];
        String id = p.length > 1 ? p[1] : "all";
        String version = p.length > 2 ? p[2] : "latest";
        SdmxStructure dsd = SdmxStructure.of(catalogue.current());
        String refs = references == null ? "" : references.toLowerCase(Locale.ROOT);
        boolean withChildren = refs.equals("children") || refs.equals("descendants") || refs.equals("all");
        StructureXmlWriter.Parts parts = switch (resource) {
            case "dataflow" -> {
                requireId(agency, id, version, SdmxStructure.FLOW_ID);
                yield new StructureXmlWriter.Parts(true, withChildren, withChildren && !refs.equals("children"),
                        refs.equals("descendants") || refs.equals("all") ? dsd.codelists.keySet() : List.of());
            }
            case "datastructure" -> {
                requireId(agency, id, version, SdmxStructure.DSD_ID);
                boolean none = refs.equals("none");
                yield new StructureXmlWriter.Parts(refs.equals("parents") || refs.equals("all"), true, !none, none ? List.of() : dsd.codelists.keySet());
            }
            case "codelist" -> {
                SdmxDataService.requireFlow(agency, null, version);
                boolean all = id.equals("all") || id.equals("*");
                if (!all && !dsd.codelists.containsKey(id)) {
                    throw new ProblemException(404, "NO_SUCH_STRUCTURE", "Not found", "No code list " + id + "; there are " + dsd.codelists.keySet());
                }
                yield new StructureXmlWriter.Parts(false, false, false, all ? dsd.codelists.keySet() : List.of(id));
            }
            default -> {
                requireId(agency, id, version, SdmxStructure.CONCEPTS_ID);
                yield new StructureXmlWriter.Parts(false, false, true, List.of());
            }
        };
        StreamingOutput body = out -> StructureXmlWriter.write(dsd, parts, out);
        return Response.ok(body, type.type).build();
    }

    private static void requireId(String agency, String id, String version, String expected) {
        SdmxDataService.requireFlow(agency, null, version);
        if (!id.equals("all") && !id.equals("*") && !id.equals(expected)) {
            throw new ProblemException(404, "NO_SUCH_STRUCTURE", "Not found", "No structure " + id + "; this one is " + expected);
        }
    }

    @GET
    @Path("/schema/dataflow/{agency}/{id}/{version}")
    @Operation(operationId = "sdmxDataSchema", summary = "The XML schema of structure-specific data for the DSD (validate SDMX-ML data with it beside the SDMX-ML 2.1 schemas)")
    @APIResponse(responseCode = "200", description = "XML schema", content = @Content(mediaType = "application/xml"))
    @APIResponse(responseCode = "400", description = "dimensionAtObservation is neither TIME_PERIOD nor AllDimensions")
    @APIResponse(responseCode = "404", description = "No such dataflow")
    public Response schema(@PathParam("agency") String agency, @PathParam("id") String id, @PathParam("version") String version,
                           @Parameter(description = "TIME_PERIOD (default) or AllDimensions") @QueryParam("dimensionAtObservation") String dimensionAtObservation) {
        requireId(agency, id, version, SdmxStructure.FLOW_ID);
        SdmxStructure dsd = SdmxStructure.of(catalogue.current());
        DataQuery q = data.query(dsd, null, null, null, dimensionAtObservation);
        StreamingOutput body = out -> StructureSpecificSchema.write(dsd, q.series(), out);
        return Response.ok(body, SdmxMediaTypes.SCHEMA.type).build();
    }

    @GET
    @Path("/data/{flow}")
    @Operation(operationId = "sdmxAllData", summary = "All published data of the flow (see /data/{flow}/{key})")
    @APIResponse(responseCode = "200", description = "The data, in the format Accept asks for", content = @Content(mediaType = "application/vnd.sdmx.data+csv;version=1.0.0"))
    @APIResponse(responseCode = "404", description = "Unknown flow, or no published data")
    public Response allData(@PathParam("flow") String flow, @QueryParam("startPeriod") String startPeriod, @QueryParam("endPeriod") String endPeriod,
                            @QueryParam("dimensionAtObservation") String dimensionAtObservation, @QueryParam("format") String format,
                            @HeaderParam("Accept") String accept) {
        return data(flow, "all", startPeriod, endPeriod, dimensionAtObservation, format, accept);
    }

    @GET
    @Path("/data/{flow}/{key}")
    @Operation(operationId = "sdmxData", summary = "Published final values as SDMX data, streamed. Key: INDICATOR.REF_AREA.SEX.<each catalogue dimension>, "
            + "codes joined by + and empty parts as wildcards (e.g. WAGE_WORKERS.VN-46.F+M or all)")
    @APIResponse(responseCode = "200", description = "The data, in the format Accept asks for", content = {
            @Content(mediaType = "application/vnd.sdmx.structurespecificdata+xml;version=2.1"),
            @Content(mediaType = "application/vnd.sdmx.data+csv;version=1.0.0", examples = @ExampleObject(name = "SDMX-CSV 1.0", value = CSV_EXAMPLE)),
            @Content(mediaType = "application/vnd.sdmx.data+csv;version=2.0.0"),
            @Content(mediaType = "application/vnd.sdmx.data+json;version=1.0.0")})
    @APIResponse(responseCode = "400", description = "Malformed key, period or parameter (the field is named)")
    @APIResponse(responseCode = "404", description = "Unknown flow or code, or no published data matches")
    @APIResponse(responseCode = "406", description = "No format of Accept is served")
    public Response data(@PathParam("flow") String flow, @PathParam("key") String key,
                         @Parameter(description = "First period: 2024, 2024-S1, 2024-Q3, 2024-07 or a date", example = "2021") @QueryParam("startPeriod") String startPeriod,
                         @Parameter(description = "Last period, same forms", example = "2025") @QueryParam("endPeriod") String endPeriod,
                         @Parameter(description = "TIME_PERIOD (series, default) or AllDimensions (flat)") @QueryParam("dimensionAtObservation") String dimensionAtObservation,
                         @Parameter(description = "Instead of Accept: csv, sdmx-csv-2.0.0, jsondata, structurespecificdata") @QueryParam("format") String format,
                         @HeaderParam("Accept") String accept) {
        SdmxMediaTypes type = SdmxMediaTypes.data(accept, format);
        SdmxDataService.requireFlowRef(flow);
        Catalogue.Snapshot cat = catalogue.current();
        SdmxStructure dsd = SdmxStructure.of(cat);
        DataQuery asked = data.query(dsd, key, startPeriod, endPeriod, dimensionAtObservation);
        // SDMX-CSV is flat whatever the observation dimension: read in primary-key order, no series sort
        DataQuery q = type == SdmxMediaTypes.CSV_1 || type == SdmxMediaTypes.CSV_2
                ? new DataQuery(dsd, asked.key(), asked.start(), asked.end(), false) : asked;
        SdmxDataService.Cursor cursor = data.open(cat, q);
        if (!cursor.first()) {
            cursor.close();
            throw new ProblemException(404, "NO_RESULTS", "Not found", "No published data matches " + flow + "/" + key);
        }
        StreamingOutput body = out -> {
            try (cursor) {
                DataWriter w = switch (type) {
                    case CSV_1 -> new SdmxCsvWriter(dsd, false, out);
                    case CSV_2 -> new SdmxCsvWriter(dsd, true, out);
                    case JSON_1 -> new SdmxJsonWriter(dsd, q.series(), out);
                    default -> new StructureSpecificWriter(dsd, q.series(), out);
                };
                w.begin();
                Observation o = new Observation();
                while (cursor.next(o)) {
                    w.observation(o);
                }
                w.end();
            } catch (SQLException e) {
                throw new IOException("SDMX data stream failed", e);
            }
        };
        return Response.ok(body, type.type).build();
    }
}
