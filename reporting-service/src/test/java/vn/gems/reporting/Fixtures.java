package vn.gems.reporting;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.gems.common.testing.TestTokens;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Plans in the shape of plans-service's plan document (GET /api/plans/{id}/versions/{n}), modelled on seed 003
 * (Thừa Thiên Huế 2021-2025), and the agencies of the demo realm.
 */
public final class Fixtures {

    public static final String SERVICE = TestTokens.bearer("service-account-plans-service", null, "gems-service");
    public static final String HEALTH = TestTokens.bearer("health.reporter", "TTH-DOH", "reporter");
    public static final String HOME_AFFAIRS = TestTokens.bearer("homeaffairs.reporter", "TTH-DOHA", "reporter");
    public static final String EDUCATION = TestTokens.bearer("education.reporter", "TTH-DOET", "reporter");
    public static final String PLANNING = TestTokens.bearer("planning.reporter", "TTH-DPI", "reporter");
    public static final String DOLISA = TestTokens.bearer("dolisa.officer", "TTH-DOLISA", "plan-manager", "reviewer", "reporter");
    public static final String STATS = TestTokens.bearer("stats.officer", "TTH-STATS", "reporter", "stats-pusher");
    public static final String AUDITOR = TestTokens.bearer("auditor.tth", "TTH-PC", "auditor");
    public static final String ADMIN = TestTokens.bearer("gems.admin", "TTH-DOLISA", "admin");
    public static final String QNG = TestTokens.bearer("qng.officer", "QNG-DOLISA", "plan-manager", "reviewer", "reporter");

    /** Agencies assigned in the seed 003 fixture (ALL_ASSIGNED submitters). */
    public static final List<String> SEED3_ASSIGNED = List.of("TTH-DOLISA", "TTH-DPI", "TTH-DOF", "TTH-DOH", "TTH-DOJ", "TTH-DOHA",
            "TTH-DCS", "TTH-DIC", "TTH-DOET", "TTH-STATS");

    private Fixtures() {
    }

    /** Today where due dates are counted (Vietnam). */
    public static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    public static void agencies(FakePeers fake) {
        fake.agency("TTH-PC", "Ủy ban nhân dân tỉnh Thừa Thiên Huế", "VN-46", null, null);
        fake.agency("TTH-DOLISA", "Sở Lao động - Thương binh và Xã hội tỉnh Thừa Thiên Huế", "VN-46", "TTH-PC", null);
        fake.agency("TTH-DPI", "Sở Kế hoạch và Đầu tư tỉnh Thừa Thiên Huế", "VN-46", "TTH-PC", null);
        fake.agency("TTH-DOF", "Sở Tài chính tỉnh Thừa Thiên Huế", "VN-46", "TTH-PC", null);
        fake.agency("TTH-DOH", "Sở Y tế tỉnh Thừa Thiên Huế", "VN-46", "TTH-PC", null);
        fake.agency("TTH-DOJ", "Sở Tư pháp tỉnh Thừa Thiên Huế", "VN-46", "TTH-PC", null);
        fake.agency("TTH-DOHA", "Sở Nội vụ tỉnh Thừa Thiên Huế", "VN-46", "TTH-PC", null);
        fake.agency("TTH-DCS", "Sở Văn hóa và Thể thao tỉnh Thừa Thiên Huế", "VN-46", "TTH-PC", null);
        fake.agency("TTH-DIC", "Sở Thông tin và Truyền thông tỉnh Thừa Thiên Huế", "VN-46", "TTH-PC", null);
        fake.agency("TTH-DOET", "Sở Giáo dục và Đào tạo tỉnh Thừa Thiên Huế", "VN-46", "TTH-PC", null);
        fake.agency("TTH-STATS", "Cục Thống kê tỉnh Thừa Thiên Huế", "VN-46", "TTH-PC", null);
        fake.agency("VN-MOLISA", "Bộ Lao động - Thương binh và Xã hội", "VN", null, "2025-02-28", "VN-MOHA");
        fake.agency("VN-MOHA", "Bộ Nội vụ", "VN", null, null);
        fake.agency("QNG-PC", "Ủy ban nhân dân tỉnh Quảng Ngãi", "VN-51", null, null);
        fake.agency("QNG-DOLISA", "Sở Lao động - Thương binh và Xã hội tỉnh Quảng Ngãi", "VN-51", "QNG-PC", null);
        fake.agency("STI-PC", "Ủy ban nhân dân huyện Sơn Tịnh", "VN-51-STI", "QNG-PC", "2025-06-30", "QNG-PC");
        fake.agency("STI-LABOUR", "Phòng Lao động - Thương binh và Xã hội huyện Sơn Tịnh", "VN-51-STI", "STI-PC", null);
        fake.agency("HT-PC", "Ủy ban nhân dân tỉnh Hà Tĩnh", "VN-42", null, null);
        for (int i = 1; i <= 12; i++) {
            fake.agency("HT-A" + i, "Cơ quan " + i + " tỉnh Hà Tĩnh", "VN-42", "HT-PC", null);
        }
        fake.agency("HT-DOLISA", "Sở Lao động - Thương binh và Xã hội tỉnh Hà Tĩnh", "VN-42", "HT-PC", null);
        fake.agencyEn("TTH-PC", "Thua Thien Hue Provincial People's Committee");
        fake.agencyEn("TTH-DOLISA", "Thua Thien Hue Department of Labour, Invalids and Social Affairs");
        fake.agencyEn("VN-MOHA", "Ministry of Home Affairs");
        fake.unit("VN", "VN-46", "VN-51", "VN-51-STI", "VN-42");
        // As in the demo data: Thừa Thiên Huế became the city of Huế on 1 January 2025 (Resolution 1314/NQ-UBTVQH15).
        fake.unitRenamed("VN-46", "Tỉnh Thừa Thiên Huế", "Thua Thien Hue Province", "Thành phố Huế", "Hue City", "2025-01-01");
        fake.unitParent("VN-51-STI", "VN-51");
        fake.indicator("AGENCIES_FEMALE_LEADER_SHARE", false, "RATIO", 100);
        fake.indicator("WAGE_WORKERS", true, "SUM", 1);
        fake.indicator("WAGE_WORKERS_Q", true, "SUM", 1);
        fake.indicator("ENTERPRISE_DIRECTORS", true, "SUM", 1);
        fake.indicator("UNPAID_CARE_HOURS", true, "RATIO", 1);
        fake.indicator("BIRTHS", true, "SUM", 1);
        fake.indicator("MATERNAL_MORTALITY_RATIO", false, "RATIO", 100000);
        fake.indicator("ADOLESCENT_BIRTH_RATE", false, "RATIO", 1000);
        fake.indicator("LGBT_PILOT_FACILITIES", false, "SUM", 1);
        fake.indicator("PRIMARY_COMPLETION_RATE", true, "RATIO", 100);
        fake.indicator("COMMUNES_GE_NEWS", false, "NONE", 1);
    }

    public static JsonObject measure(String key, String indicator, String figure, String comparator, Number baseline, Integer baselineYear,
                              Number target, Integer targetYear, Integer fromYear, Map<String, String> dims, String... agencies) {
        JsonArray resp = new JsonArray();
        for (String a : agencies) {
            resp.add(new JsonObject().put("agency", a).putNull("scope"));
        }
        return new JsonObject().put("key", key).put("indicatorCode", indicator).put("figure", figure).put("comparator", comparator)
                .put("baselineValue", baseline).put("baselineYear", baselineYear).put("targetValue", target).put("targetYear", targetYear)
                .put("fromYear", fromYear).put("dimensions", new JsonObject(Map.copyOf(dims))).put("responsibleAgencies", resp);
    }

    public static JsonObject target(String key, String label, String text, JsonObject... measures) {
        return new JsonObject().put("key", key).put("label", label).put("text", text).put("measures", new JsonArray(List.of((Object[]) measures)));
    }

    public static JsonObject objective(String key, String label, String title, JsonObject... targets) {
        return new JsonObject().put("key", key).put("label", label).put("title", title).put("targets", new JsonArray(List.of((Object[]) targets)));
    }

    public static JsonObject rule(String key, String kind, int day, int month, Integer dueYear, Integer from, Integer to, String mode,
                           List<String> agencies, String receiver, String coverage, String consolidates) {
        return new JsonObject().put("key", key).put("kind", kind).put("title", kind).put("dueDay", day).put("dueMonth", month)
                .put("dueYear", dueYear).put("fromYear", from).put("toYear", to)
                .put("submitters", new JsonObject().put("mode", mode).put("agencies", new JsonArray(agencies)))
                .put("receivingAgency", receiver).put("copyTo", new JsonArray()).put("coverage", coverage).put("consolidates", consolidates);
    }

    /**
     * Seed 003's plan over {@code from..to}: agencies report yearly by {@code day/month} to DOLISA; DOLISA's consolidated
     * report goes to the ministry by 10/12; own plans by 25/6 of the first year; a mid-term and a final review.
     */
    public static JsonObject seed003(String code, int from, int to, int day, int month) {
        JsonArray objectives = new JsonArray()
                .add(objective("O1", "a) Mục tiêu 1", "Trong công tác tổ chức cán bộ",
                        target("O1-T1", "Chỉ tiêu", "Phấn đấu đạt 60% các cơ quan quản lý nhà nước, chính quyền địa phương các cấp có lãnh đạo chủ chốt là nữ.",
                                measure("O1-T1-M1", "AGENCIES_FEMALE_LEADER_SHARE", "VALUE", "AT_LEAST", null, null, 60, to, null, Map.of(), "TTH-DOHA"))))
                .add(objective("O2", "b) Mục tiêu 2", "Trong lĩnh vực kinh tế, lao động",
                        target("O2-T1", "Chỉ tiêu 1", "Tỷ lệ lao động nữ làm công hưởng lương đạt 50%.",
                                measure("O2-T1-M1", "WAGE_WORKERS", "FEMALE_SHARE", "AT_LEAST", 42, from - 1, 50, to, null, Map.of(), "TTH-DOLISA")),
                        target("O2-T3", "Chỉ tiêu 3", "Đạt ít nhất 30% nữ giám đốc/chủ doanh nghiệp, hợp tác xã.",
                                measure("O2-T3-M1", "ENTERPRISE_DIRECTORS", "FEMALE_SHARE", "AT_LEAST", null, null, 30, to, null, Map.of(), "TTH-DPI"))))
                .add(objective("O3", "c) Mục tiêu 3", "Trong đời sống gia đình và phòng ngừa, ứng phó với bạo lực trên cơ sở giới",
                        target("O3-T1", "Chỉ tiêu 1", "Giảm số giờ làm công việc nội trợ không được trả công của phụ nữ còn 2 lần so với nam giới.",
                                measure("O3-T1-M1", "UNPAID_CARE_HOURS", "FEMALE_TO_MALE_RATIO", "REDUCE_TO", null, null, 2, to, null, Map.of(), "TTH-STATS"))))
                .add(objective("O4", "d) Mục tiêu 4", "Trong lĩnh vực y tế",
                        target("O4-T1", "Chỉ tiêu 1", "Tỷ số giới tính khi sinh ở mức 109 bé trai/100 bé gái sinh ra sống.",
                                measure("O4-T1-M1", "BIRTHS", "MALE_TO_FEMALE_X100", "ABOUT", null, null, 109, to, null, Map.of(), "TTH-DOH")),
                        target("O4-T2", "Chỉ tiêu 2", "Tỷ lệ tử vong bà mẹ liên quan đến thai sản giảm còn dưới 15/100.000 trẻ sinh sống.",
                                measure("O4-T2-M1", "MATERNAL_MORTALITY_RATIO", "VALUE", "BELOW", null, null, 15, to, null, Map.of(), "TTH-DOH")),
                        target("O4-T3", "Chỉ tiêu 3", "Tỷ suất sinh ở vị thành niên giảm từ 23 ca sinh/1.000 phụ nữ xuống 18/1.000.",
                                measure("O4-T3-M1", "ADOLESCENT_BIRTH_RATE", "VALUE", "REDUCE_TO", 23, from - 1, 18, to, null, Map.of(), "TTH-DOH")),
                        target("O4-T4", "Chỉ tiêu 4", "Có ít nhất một cơ sở y tế cung cấp thí điểm dịch vụ cho người đồng tính, song tính và chuyển giới.",
                                measure("O4-T4-M1", "LGBT_PILOT_FACILITIES", "COUNT", "AT_LEAST", null, null, 1, to, null, Map.of(), "TTH-DOH"))))
                .add(objective("O5", "d) Mục tiêu 5", "Trong lĩnh vực giáo dục, đào tạo",
                        target("O5-T2", "Chỉ tiêu 2", "Tỷ lệ trẻ em gái dân tộc thiểu số hoàn thành giáo dục tiểu học đạt trên 90%.",
                                measure("O5-T2-M1", "PRIMARY_COMPLETION_RATE", "FEMALE_VALUE", "ABOVE", null, null, 90, to, null,
                                        Map.of("ethnicity", "MINORITY"), "TTH-DOET"))))
                .add(objective("O6", "e) Mục tiêu 6", "Trong lĩnh vực thông tin, truyền thông",
                        target("O6-T3", "Chỉ tiêu 3", "100% xã, phường, thị trấn mỗi quý có ít nhất 04 tin, bài về bình đẳng giới từ năm 2025 trở đi.",
                                measure("O6-T3-M1", "COMMUNES_GE_NEWS", "MILESTONE", "AT_LEAST", null, null, 1, to, to, Map.of(), "TTH-DIC"))));
        JsonArray rules = new JsonArray()
                .add(rule("R1", "OWN_PLAN", 25, 6, from, null, null, "ALL_ASSIGNED", List.of(), "TTH-DOLISA", "NARRATIVE_ONLY", null))
                .add(rule("R2", "ANNUAL", day, month, null, from, to, "ALL_ASSIGNED", List.of(), "TTH-DOLISA", "RESPONSIBLE_TARGETS", null))
                .add(rule("R3", "ANNUAL", 10, 12, null, from, to, "EXPLICIT", List.of("TTH-DOLISA"), "VN-MOLISA", "ALL_TARGETS", "R2"))
                .add(rule("R4", "MID_TERM_REVIEW", 31, 12, from + 1, null, null, "EXPLICIT", List.of("TTH-DOLISA"), "TTH-PC", "ALL_TARGETS", null))
                .add(rule("R5", "FINAL_REVIEW", 31, 12, to, null, null, "EXPLICIT", List.of("TTH-DOLISA"), "TTH-PC", "ALL_TARGETS", null));
        return new JsonObject().put("status", "ISSUED").put("current", true).put("code", code).put("documentNumber", null)
                .put("title", "Kế hoạch thực hiện Chiến lược quốc gia về bình đẳng giới tỉnh Thừa Thiên Huế giai đoạn " + from + "-" + to)
                .put("kind", "STRATEGY_IMPLEMENTATION").put("issuingAgency", "TTH-PC").put("leadAgency", "TTH-DOLISA").put("unitCode", "VN-46")
                .put("periodFrom", from).put("periodTo", to).put("parentPlanId", null).put("parentPlan", null)
                .put("assignedAgencies", new JsonArray(SEED3_ASSIGNED)).put("childPlans", new JsonArray())
                .put("objectives", objectives).put("reportingRules", rules)
                .put("assignments", new JsonArray().add(new JsonObject().put("key", "A4").put("addressee", "Sở Y tế")
                        .put("agencies", new JsonArray().add("TTH-DOH")).put("targetKeys", new JsonArray().add("O4-T1"))));
    }

    /** Seed 001 (Hà Tĩnh 2020): every agency reports by 10/6 (6 months) and 10/11 (annual) to DOLISA. */
    public static JsonObject seed001(int year) {
        List<String> agencies = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            agencies.add("HT-A" + i);
        }
        JsonArray rules = new JsonArray()
                .add(rule("R1", "SIX_MONTH", 10, 6, null, year, year, "EXPLICIT", agencies, "HT-DOLISA", "NARRATIVE_ONLY", null))
                .add(rule("R2", "ANNUAL", 10, 11, null, year, year, "EXPLICIT", agencies, "HT-DOLISA", "NARRATIVE_ONLY", null));
        return new JsonObject().put("status", "ISSUED").put("code", "HT-BDG-" + year).put("documentNumber", "1458/UBND-VX1")
                .put("title", "Triển khai công tác bình đẳng giới năm " + year).put("issuingAgency", "HT-PC").put("leadAgency", "HT-DOLISA")
                .put("unitCode", "VN-42").put("periodFrom", year).put("periodTo", year).put("objectives", new JsonArray())
                .put("reportingRules", rules).put("assignedAgencies", new JsonArray(agencies)).put("childPlans", new JsonArray());
    }

    /** A complete report for the Department of Health's four measures (objective 4). */
    public static String healthReport(int female, int male, String mmr) {
        return """
                {"sections":[{"kind":"RESULTS","objectiveKey":"O4","text":"Tỷ số giới tính khi sinh giảm; tử vong mẹ được kiểm soát."},
                             {"kind":"DIFFICULTIES","text":"Số liệu tuyến xã còn chậm."},
                             {"kind":"PROPOSALS","text":"Đề nghị bổ sung kinh phí truyền thông."}],
                 "activities":[{"objectiveKey":"O4","title":"Tập huấn tư vấn sức khỏe sinh sản","count":12,
                                "participantsFemale":420,"participantsMale":180,"participantsTotal":600}],
                 "values":[{"measureKey":"O4-T1-M1","female":%d,"male":%d,"comment":"Sổ A1/YTCS"},
                           {"measureKey":"O4-T2-M1","value":%s},
                           {"measureKey":"O4-T3-M1","value":22},
                           {"measureKey":"O4-T4-M1","value":1}]}""".formatted(female, male, mmr);
    }

    /** The id of {@code caller}'s obligation under {@code rule} for a plan and period. */
    public static long obligation(String caller, long planId, String period, String rule) {
        return given().header("Authorization", caller).get("/api/reports/obligations?size=500&planId=" + planId + "&period=" + period)
                .then().statusCode(200).extract().jsonPath().getLong("items.find { it.ruleKey == '" + rule + "' }.id");
    }

    /** Starts the report of an obligation and returns its id. */
    public static long start(String caller, long obligationId, String content) {
        return given().header("Authorization", caller).contentType(ContentType.JSON).body(content)
                .post("/api/reports/obligations/" + obligationId + "/report").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static String etag(String caller, long reportId) {
        return given().header("Authorization", caller).get("/api/reports/submissions/" + reportId).then().statusCode(200).extract().header("ETag");
    }

    public static void put(String caller, long reportId, String content) {
        given().header("Authorization", caller).header("If-Match", etag(caller, reportId)).contentType(ContentType.JSON).body(content)
                .put("/api/reports/submissions/" + reportId).then().statusCode(200);
    }

    public static void submit(String caller, long reportId) {
        given().header("Authorization", caller).post("/api/reports/submissions/" + reportId + "/submit").then().statusCode(200);
    }

    public static void accept(String reviewer, long reportId) {
        given().header("Authorization", reviewer).header("If-Match", etag(reviewer, reportId)).contentType(ContentType.JSON).body("{}")
                .post("/api/reports/submissions/" + reportId + "/accept").then().statusCode(200);
    }

    /** Posts a plan event as plans-service's outbox does. */
    public static Response event(long planId, int version, String kind) {
        return given().header("Authorization", SERVICE).header("Idempotency-Key", "plan-" + planId + "-v" + version + "-" + kind)
                .contentType(ContentType.JSON)
                .body("{\"planId\":" + planId + ",\"planVersion\":" + version + ",\"event\":\"" + kind + "\",\"occurredAt\":\"2026-01-05T08:00:00Z\"}")
                .post("/api/reports/plan-events");
    }
}
