package vn.gems.common.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OperationIdsTest {

    @Test
    void derivesAVerbPhraseFromClassAndMethod() {
        assertEquals("issuePlan", OperationIds.derive("PlanResource_issue", "POST"));
        assertEquals("listPlans", OperationIds.derive("PlanResource_list", "GET"));
        assertEquals("searchPublicPlans", OperationIds.derive("PublicPlanResource_search", "GET"));
        assertEquals("listAgencies", OperationIds.derive("AgencyResource_list", "GET"));
        assertEquals("getUnitChildren", OperationIds.derive("UnitResource_children", "GET"));
        assertEquals("returnReportForChanges", OperationIds.derive("ReportResource_returnForChanges", "POST"));
        assertEquals("getMe", OperationIds.derive("MeResource_me", "GET"));
    }

    @Test
    void anExplicitOperationIdIsKept() {
        assertEquals("listMyTargets", OperationIds.derive("listMyTargets", "GET"));
    }

    @Test
    void twoOperationsWithOneIdFailTheBuild() {
        OpenAPI api = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/api/plans", OASFactory.createPathItem().GET(OASFactory.createOperation().operationId("PlanResource_list")))
                .addPathItem("/api/plans/all", OASFactory.createPathItem().GET(OASFactory.createOperation().operationId("listPlans"))));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> OperationIds.apply(api));
        assertTrue(e.getMessage().contains("listPlans (GET /api/plans and GET /api/plans/all)"), e.getMessage());
    }

    @Test
    void anUnguardedOperationOutsidePublicFailsAndAPublicOneIsDeclaredOpen() {
        OpenAPI open = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/api/public/plans", OASFactory.createPathItem().GET(OASFactory.createOperation())));
        PublicOperations.apply(open);
        assertEquals(List.of(), open.getPaths().getPathItem("/api/public/plans").getOperations().get(PathItem.HttpMethod.GET).getSecurity());
        OpenAPI leak = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/api/plans", OASFactory.createPathItem().GET(OASFactory.createOperation())));
        assertThrows(IllegalStateException.class, () -> PublicOperations.apply(leak));
    }

    @Test
    void propertiesThatAreNotRequiredAcceptNull() {
        Schema ref = OASFactory.createSchema().ref("#/components/schemas/Kind");
        Schema record = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).addRequired("code")
                .addProperty("code", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("note", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("sex", OASFactory.createSchema().addType(Schema.SchemaType.STRING).addEnumeration("FEMALE"))
                .addProperty("kind", ref);
        OpenAPI api = OASFactory.createOpenAPI().components(OASFactory.createComponents().addSchema("Thing", record));
        Nullability.apply(api);
        assertEquals(List.of(Schema.SchemaType.STRING), record.getProperties().get("code").getType());
        assertEquals(List.of(Schema.SchemaType.STRING, Schema.SchemaType.NULL), record.getProperties().get("note").getType());
        assertTrue(record.getProperties().get("sex").getEnumeration().contains(null));
        assertEquals(List.of(ref, OASFactory.createSchema().addType(Schema.SchemaType.NULL)).size(),
                record.getProperties().get("kind").getAnyOf().size());
        assertEquals("#/components/schemas/Kind", record.getProperties().get("kind").getAnyOf().getFirst().getRef());
        Nullability.apply(api); // applied again at start-up: unchanged
        assertEquals(2, record.getProperties().get("kind").getAnyOf().size());
    }
}
