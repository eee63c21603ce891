package vn.gems.indicators.dhis2.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemException;
import vn.gems.common.security.Roles;
import vn.gems.indicators.dhis2.input.Dhis2AdxFormat;
import vn.gems.indicators.dhis2.input.Dhis2JsonFormat;
import vn.gems.indicators.dhis2.service.Dhis2Export;
import vn.gems.indicators.push.rest.PushParams;
import vn.gems.indicators.push.rest.PushView;
import vn.gems.indicators.push.service.PushAnswers;
import vn.gems.indicators.push.service.PushService;

import java.io.InputStream;
import java.net.URI;
import java.util.Locale;

/**
 * DHIS2 {@code dataValueSets} in and out, as a DHIS2 client speaks it: POST a document (plain JSON) to push it
 * through the push pipeline with a stored mapping; GET the published final values of a period as one.
 */
@Path("/api/values/dhis2/dataValueSets")
@Tag(name = "DHIS2")
@Authenticated
public class DataValueSetResource {

    private final PushService pushes;
    private final Dhis2JsonFormat json;
    private final Dhis2AdxFormat adx;
    private final Dhis2Export export;

    public DataValueSetResource(PushService pushes, Dhis2JsonFormat json, Dhis2AdxFormat adx, Dhis2Export export) {
        this.pushes = pushes;
        this.json = json;
        this.adx = adx;
        this.export = export;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STATS_PUSHER, Roles.REPORTER, Roles.ADMIN, Roles.SERVICE, Roles.GOV_SYSTEM})
    @Operation(summary = "Push a DHIS2 dataValueSets JSON document (or ADX XML, application/adx+xml) through a stored mapping",
            description = "The same job as POST /api/values/pushes (dryRun, onError, status, Idempotency-Key, 201/200/202/422): each data "
                    + "value is one row, reported as line n (from 1) with the JSON pointer of the field at fault "
                    + "(DHIS2_UNMAPPED_DATA_ELEMENT, DHIS2_UNMAPPED_COMBO, DHIS2_UNMAPPED_ORG_UNIT, DHIS2_PERIOD_UNSUPPORTED). mapping names the "
                    + "mapping; without it, the mapping of the document's dataSet, else the only one stored.")
    @RequestBody(required = true, content = {@Content(mediaType = "application/json",
            schema = @Schema(type = SchemaType.OBJECT, description = "A DHIS2 dataValueSets document"), example = """
            {"dataSet":"QX4ZTUbOt3a","period":"2025","orgUnit":"ImspTQPwCqd","dataValues":[
             {"dataElement":"h0xKKjijTdI","categoryOptionCombo":"hEFKSsPV5et","value":"7000"},
             {"dataElement":"h0xKKjijTdI","categoryOptionCombo":"V6L425pT3A0","value":"7700"}]}"""),
            @Content(mediaType = "application/adx+xml", example = """
            <adx xmlns="urn:ihe:qrph:adx:2015"><group orgUnit="ImspTQPwCqd" period="2025-01-01/P1Y" dataSet="QX4ZTUbOt3a">
            <dataValue dataElement="h0xKKjijTdI" SEX="F" value="7000"/></group></adx>""")})
    @APIResponse(responseCode = "201", description = "Done: the import summary", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = PushView.class)))
    @APIResponse(responseCode = "200", description = "Dry run: what would happen", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = PushView.class)))
    @APIResponse(responseCode = "202", description = "Received; the job (Location) finishes in the background",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PushView.class)))
    public Response push(@Parameter(description = "The mapping's code", example = "hmis-tth") @QueryParam("mapping") String mapping,
                         @HeaderParam("Content-Type") String contentType, @Valid @BeanParam PushParams params, InputStream body) {
        // ADX when the body is XML, else dataValueSets JSON; mapping is read by the format from the request.
        boolean xml = contentType != null && contentType.toLowerCase(Locale.ROOT).split(";")[0].trim().endsWith("xml");
        PushService.Answer answer = pushes.push(params.command(xml ? adx : json), body);
        if (answer.status() == 422) {
            throw PushAnswers.rejected(answer.push());
        }
        return Response.status(answer.status()).location(URI.create("/api/values/pushes/" + answer.push().id())).entity(answer.push()).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The published final values of a period as a DHIS2 dataValueSets document, through a mapping",
            description = "Only values of published data sets (as the public routes); only what the mapping maps. Months go out as 202507.")
    @APIResponse(responseCode = "200", description = "The document", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DataValueSet.class)))
    public DataValueSet get(@Parameter(description = "The mapping's code", required = true, example = "hmis-tth") @QueryParam("mapping") String mapping,
                            @Parameter(description = "2025, 2025S1, 2025Q3, 202507 (or 2025-07)", required = true, example = "2025") @QueryParam("period") String period,
                            @Parameter(description = "Only this org unit (UID or code as mapped)") @QueryParam("orgUnit") String orgUnit) {
        if (mapping == null || mapping.isBlank()) {
            throw ProblemException.badRequest("MAPPING_REQUIRED", "Name the DHIS2 mapping", new FieldError("mapping", "REQUIRED", "is required"));
        }
        return export.dataValueSet(mapping, period, orgUnit);
    }
}
