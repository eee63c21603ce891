package vn.gems.plans;

import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Drives {@link FakePeers} from tests, over its control port. */
public final class Peers {

    private Peers() {
    }

    public static String control() {
        return ConfigProvider.getConfig().getValue(FakePeers.CONTROL_PROPERTY, String.class);
    }

    public static void mode(String indicators, String reporting) {
        given().baseUri(control()).queryParam("indicators", indicators).queryParam("reporting", reporting)
                .post("/mode").then().statusCode(200);
    }

    public static void reset() {
        given().baseUri(control()).post("/reset").then().statusCode(200);
    }

    public static void close() {
        given().baseUri(control()).post("/close").then().statusCode(200);
    }

    public static void open() {
        given().baseUri(control()).post("/open").then().statusCode(200);
    }

    /** What reporting-service received: key, body, status answered, whether the key was new. */
    public static List<Map<String, Object>> events() {
        return JsonPath.from(given().baseUri(control()).get("/events").asString()).getList("events");
    }

    public static int indicatorCalls() {
        return JsonPath.from(given().baseUri(control()).get("/events").asString()).getInt("indicatorCalls");
    }

    /** Appends changes to the fake unit change feed; returns its head. */
    public static long appendUnitChanges(String jsonArray) {
        return JsonPath.from(given().baseUri(control()).contentType("application/json").body(jsonArray).post("/unit-events").asString())
                .getLong("head");
    }

    public static int unitFeedCalls() {
        return JsonPath.from(given().baseUri(control()).get("/events").asString()).getInt("unitFeedCalls");
    }
}
