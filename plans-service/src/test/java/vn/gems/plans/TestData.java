package vn.gems.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import vn.gems.common.testing.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

/** The demo data of deploy/demo (the same files {@code deploy/gems up} loads), for tests. */
public final class TestData {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final Path DEMO = Path.of("../deploy/demo");
    public static final String ADMIN = TestTokens.bearer("gems.admin", "TTH-DOLISA", "admin");
    public static final String DOLISA = TestTokens.bearer("dolisa.officer", "TTH-DOLISA", "plan-manager", "reviewer", "reporter");
    public static final String QNG = TestTokens.bearer("qng.officer", "QNG-DOLISA", "plan-manager", "reviewer", "reporter");
    public static final String DISTRICT = TestTokens.bearer("district.officer", "STI-LABOUR", "plan-manager", "reviewer", "reporter");
    public static final String HEALTH = TestTokens.bearer("health.reporter", "TTH-DOH", "reporter");
    public static final String AUDITOR = TestTokens.bearer("auditor.tth", "TTH-PC", "auditor");
    public static final String SERVICE = TestTokens.bearer("service-account-reporting-service", null, "gems-service");
    private static boolean agenciesLoaded;
    private static boolean seedsLoaded;

    /** The seed plans' codes. */
    public static final String TTH_2021 = "TTH-BDG-2021-2025";
    public static final String QNG_72 = "QNG-72-KH-UBND-2024";
    public static final String STI_2024 = "STI-BDG-2024";

    private TestData() {
    }

    /** Registers every agency of agencies.json, agencies-more.json and agencies-2026.json (201, or 409 when already there). */
    public static synchronized void agencies() {
        if (agenciesLoaded) {
            return;
        }
        for (String file : new String[]{"agencies.json", "agencies-more.json", "agencies-2026.json"}) {
            for (JsonNode a : read(DEMO.resolve(file))) {
                given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(a.toString())
                        .post("/api/agencies").then().statusCode(anyOf(is(201), is(409)));
            }
        }
        agenciesLoaded = true;
    }

    /**
     * Imports the five seeds (and the Quang Ngai skeleton) the way the demo manifest does: each by a plan manager
     * of its lead agency (admin for Ha Tinh and Ha Noi, which have no demo users); issues 72/KH-UBND (the parent
     * seed 002 links to) and seed 003.
     */
    public static synchronized void seeds() {
        if (seedsLoaded) {
            return;
        }
        agencies();
        importPlan("qng-72-2024", QNG);
        issueIfDraft(QNG_72, QNG);
        importPlan("sti-2024", DISTRICT);
        importPlan("tth-2021-2025", DOLISA);
        issueIfDraft(TTH_2021, DOLISA);
        importPlan("tth-34-2018", DOLISA);
        importPlan("hti-1458-2020", ADMIN);
        importPlan("hni-2018", ADMIN);
        seedsLoaded = true;
    }

    public static void importPlan(String name, String as) {
        given().header("Authorization", as).contentType(ContentType.JSON).body(plan(name).toString())
                .post("/api/plans").then().log().ifValidationFails().statusCode(anyOf(is(201), is(409)));
    }

    public static void issueIfDraft(String code, String as) {
        var res = given().header("Authorization", as).get("/api/plans/" + code).then().statusCode(200).extract();
        if ("DRAFT".equals(res.path("status"))) {
            given().header("Authorization", as).header("If-Match", res.header("ETag")).contentType(ContentType.JSON).body("{}")
                    .post("/api/plans/" + code + "/issue").then().log().ifValidationFails().statusCode(200);
        }
    }

    public static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A seed plan document, e.g. {@code plan("tth-2021-2025")}. */
    public static ObjectNode plan(String name) {
        return (ObjectNode) read(DEMO.resolve("plans/" + name + ".json"));
    }

    /** A small, valid plan of TTH-DOLISA with two targets, to build tests on. */
    public static ObjectNode small(String code) {
        try {
            return (ObjectNode) JSON.readTree("""
                    {"code":"%s","title":"Kế hoạch thử nghiệm về bình đẳng giới","kind":"ANNUAL_PLAN",
                     "issuingAgency":"TTH-PC","leadAgency":"TTH-DOLISA","unitCode":"VN-46","periodFrom":2024,"periodTo":2025,
                     "objectives":[{"key":"O1","title":"Trong lĩnh vực y tế","targets":[
                       {"key":"O1-T1","text":"Tỷ suất sinh ở vị thành niên giảm từ 23 xuống 18/1.000","measures":[
                         {"key":"O1-T1-M1","indicatorCode":"ADOLESCENT_BIRTH_RATE","figure":"VALUE","comparator":"REDUCE_TO",
                          "baselineValue":23,"targetValue":18,"targetYear":2025,"responsibleAgencies":[{"agency":"TTH-DOH"}]}]},
                       {"key":"O1-T2","text":"Tỷ số giới tính khi sinh ở mức 109","measures":[
                         {"key":"O1-T2-M1","indicatorCode":"BIRTHS","figure":"MALE_TO_FEMALE_X100","comparator":"ABOUT",
                          "targetValue":109,"targetYear":2025,"responsibleAgencies":[{"agency":"TTH-DOH"}]}]}]}],
                     "reportingRules":[{"key":"R1","kind":"ANNUAL","dueDay":30,"dueMonth":11,
                       "submitters":{"mode":"ALL_ASSIGNED"},"receivingAgency":"TTH-DOLISA","coverage":"RESPONSIBLE_TARGETS"}],
                     "internalNote":"chỉ dùng nội bộ"}""".formatted(code));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
