package vn.gems.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gems.e2e.E2eSuite.cachedBearer;
import static vn.gems.e2e.E2eSuite.gateway;

/**
 * Issue 12.5: a 201's {@code Location} named the service's own port ({@code http://localhost:8081/api/...}),
 * unreachable from outside. The services now believe the gateway's {@code X-Forwarded-Host/-Proto} (from the
 * gateway only), so the Location is the address the caller used, and following it works.
 */
@ExtendWith(E2eSuite.class)
class PublicAddressE2eTest {

    private static void assertPublic(Response created, String pathPrefix) {
        assertEquals(201, created.statusCode(), created.asString());
        String location = created.header("Location");
        assertTrue(location != null && location.startsWith(gateway() + pathPrefix),
                "Location " + location + " should start with the gateway's " + gateway() + pathPrefix);
    }

    @Test
    void plansServiceNamesTheGatewayInLocation() {
        String code = "E2E-LOC-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        Response created = given().header("Authorization", cachedBearer("dolisa.officer")).contentType(ContentType.JSON)
                .body(PropertyLevelE2eTest.agency(code, "Cơ quan kiểm thử địa chỉ")).post(gateway() + "/api/agencies");
        assertPublic(created, "/api/agencies/");
        given().header("Authorization", cachedBearer("dolisa.officer")).get(created.header("Location")).then().statusCode(200)
                .body("code", Matchers.equalTo(code));
    }

    @Test
    void indicatorsServiceNamesTheGatewayInLocation() {
        // A relative Location (/api/values/pushes/{id}) is made absolute against the forwarded address too.
        Response created = given().header("Authorization", cachedBearer("health.reporter")).contentType("text/csv")
                .body("indicator,unit,period,sex,value\nBIRTHS,VN-46,2014,FEMALE,6900\n".getBytes(StandardCharsets.UTF_8))
                .post(gateway() + "/api/values/pushes?reference=location-test");
        assertPublic(created, "/api/values/pushes/");
        given().header("Authorization", cachedBearer("health.reporter")).get(created.header("Location")).then().statusCode(200)
                .body("status", Matchers.equalTo("SUCCEEDED"));
    }
}
