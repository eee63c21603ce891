package vn.gems.reporting.rest;

import vn.gems.reporting.FakePeers;
import vn.gems.reporting.Fixtures;
import vn.gems.reporting.InjectFakePeers;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gems.common.testing.TestTokens;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gems.reporting.Fixtures.ADMIN;
import static vn.gems.reporting.Fixtures.AUDITOR;
import static vn.gems.reporting.Fixtures.DOLISA;
import static vn.gems.reporting.Fixtures.EDUCATION;
import static vn.gems.reporting.Fixtures.HEALTH;
import static vn.gems.reporting.Fixtures.QNG;

/**
 * Every secured endpoint: 401 without a token, 403 for the wrong role or another agency's object (BOLA), and the
 * right caller allowed. Nothing here is a 5xx.
 */
@QuarkusTest
class AccessTest {

    static final String STATS_CLIENT = TestTokens.bearer("service-account-statistics-office", "TTH-STATS", "stats-pusher");
    static final String GOV = TestTokens.bearer("service-account-national-gender-db", "VN-MOHA", "gov-system");

    @InjectFakePeers
    FakePeers fake;

    long obligation;
    long report;
    long attachment;
    String period;

    record Case(String method, String path, String token, int expected, String body) {
    }

    @BeforeEach
    void objects() {
        Fixtures.agencies(fake);
        LocalDate due = Fixtures.today().plusDays(25);
        period = String.valueOf(due.getYear());
        fake.plan(7001, 1, Fixtures.seed003("T-7001", due.getYear(), due.getYear(), due.getDayOfMonth(), due.getMonthValue()));
        Fixtures.event(7001, 1, "ISSUED").then().statusCode(200);
        obligation = Fixtures.obligation(HEALTH, 7001, period, "R2");
        Long existing = given().header("Authorization", HEALTH).get("/api/reports/obligations/" + obligation).then().extract()
                .jsonPath().getObject("reportId", Long.class);
        if (existing == null) {
            report = Fixtures.start(HEALTH, obligation, Fixtures.healthReport(7000, 7700, "16"));
            attachment = given().header("Authorization", HEALTH).contentType("application/pdf").body(AttachmentTest.PDF)
                    .post("/api/reports/submissions/" + report + "/attachments").then().statusCode(201).extract().jsonPath().getLong("id");
        } else {
            report = existing;
            attachment = given().header("Authorization", HEALTH).get("/api/reports/submissions/" + report).then().extract()
                    .jsonPath().getLong("attachments[0].id");
        }
    }

    private List<Case> cases() {
        String r = "/api/reports/submissions/" + report;
        String plan = "/api/reports/plans/7001";
        String content = Fixtures.healthReport(7000, 7700, "16");
        List<Case> c = new ArrayList<>();
        // No token: 401 everywhere but the public route.
        for (String[] m : List.of(new String[]{"GET", "/api/reports"}, new String[]{"GET", "/api/reports/obligations"},
                new String[]{"GET", "/api/reports/obligations/" + obligation}, new String[]{"POST", "/api/reports/obligations/" + obligation + "/report"},
                new String[]{"POST", "/api/reports/obligations/" + obligation + "/extension"},
                new String[]{"POST", "/api/reports/obligations/handover"}, new String[]{"POST", "/api/reports/submissions"},
                new String[]{"GET", r}, new String[]{"PUT", r}, new String[]{"POST", r + "/submit"}, new String[]{"POST", r + "/return"},
                new String[]{"POST", r + "/accept"}, new String[]{"GET", r + "/versions"}, new String[]{"GET", r + "/versions/1"},
                new String[]{"GET", r + "/diff"}, new String[]{"GET", r + "/export?format=csv"}, new String[]{"POST", r + "/attachments"},
                new String[]{"GET", "/api/reports/attachments/" + attachment}, new String[]{"DELETE", "/api/reports/attachments/" + attachment},
                new String[]{"GET", plan + "/consolidation?period=" + period}, new String[]{"GET", plan + "/consolidation/export?format=xlsx&period=" + period},
                new String[]{"POST", plan + "/consolidation/publication?period=" + period}, new String[]{"POST", plan + "/obligations/regeneration"},
                new String[]{"POST", "/api/reports/plan-events"}, new String[]{"GET", "/api/reports/notifications"},
                new String[]{"POST", "/api/reports/reminders/runs"}, new String[]{"GET", "/api/reports/outbox"},
                new String[]{"POST", "/api/reports/outbox/deliveries"}, new String[]{"POST", "/api/reports/outbox/1/requeue"})) {
            c.add(new Case(m[0], m[1], null, 401, "{}"));
        }
        // Wrong role.
        c.add(new Case("POST", "/api/reports/obligations/handover", HEALTH, 403, null));
        String extension = "{\"dueDate\":\"" + Fixtures.today().plusDays(60) + "\",\"reason\":\"x\"}";
        c.add(new Case("POST", "/api/reports/obligations/" + obligation + "/extension", HEALTH, 403, extension));
        c.add(new Case("POST", "/api/reports/obligations/" + obligation + "/extension", AUDITOR, 403, extension));
        c.add(new Case("POST", plan + "/obligations/regeneration", DOLISA, 403, null));
        c.add(new Case("POST", "/api/reports/plan-events", GOV, 403, "{\"planId\":7001,\"planVersion\":1,\"event\":\"ISSUED\"}"));
        c.add(new Case("POST", "/api/reports/submissions", AUDITOR, 403, "{\"planCode\":\"T-7001\",\"ruleKey\":\"R2\",\"period\":\"" + period + "\"}"));
        c.add(new Case("PUT", r, AUDITOR, 403, content));
        c.add(new Case("POST", r + "/submit", STATS_CLIENT, 403, null));
        c.add(new Case("POST", r + "/return", HEALTH, 403, "{\"summary\":\"x\"}"));
        c.add(new Case("POST", r + "/accept", AUDITOR, 403, "{}"));
        c.add(new Case("POST", r + "/attachments", AUDITOR, 403, null));
        c.add(new Case("DELETE", "/api/reports/attachments/" + attachment, AUDITOR, 403, null));
        c.add(new Case("POST", plan + "/consolidation/publication?period=" + period, HEALTH, 403, null));
        c.add(new Case("POST", "/api/reports/reminders/runs", DOLISA, 403, null));
        c.add(new Case("GET", "/api/reports/outbox", HEALTH, 403, null));
        c.add(new Case("POST", "/api/reports/outbox/deliveries", AUDITOR, 403, null));
        c.add(new Case("POST", "/api/reports/outbox/1/requeue", DOLISA, 403, null));
        c.add(new Case("GET", "/api/reports/obligations?view=all", DOLISA, 403, null));
        c.add(new Case("GET", "/api/reports", TestTokens.bearer("no.agency", null, "reporter"), 403, null));
        // Another agency's object (BOLA): Education and Quảng Ngãi against Health's report.
        for (String token : List.of(EDUCATION, QNG)) {
            c.add(new Case("GET", "/api/reports/obligations/" + obligation, token, 403, null));
            c.add(new Case("POST", "/api/reports/obligations/" + obligation + "/report", token, 403, "{}"));
            c.add(new Case("GET", r, token, 403, null));
            c.add(new Case("PUT", r, token, 403, content));
            c.add(new Case("POST", r + "/submit", token, 403, null));
            c.add(new Case("GET", r + "/versions", token, 403, null));
            c.add(new Case("GET", r + "/versions/1", token, 403, null));
            c.add(new Case("GET", r + "/diff", token, 403, null));
            c.add(new Case("GET", r + "/export?format=json", token, 403, null));
            c.add(new Case("POST", r + "/attachments", token, 403, null));
            c.add(new Case("GET", "/api/reports/attachments/" + attachment, token, 403, null));
            c.add(new Case("DELETE", "/api/reports/attachments/" + attachment, token, 403, null));
            c.add(new Case("GET", plan + "/consolidation?period=" + period, token, 403, null));
            c.add(new Case("GET", plan + "/consolidation/export?format=csv&period=" + period, token, 403, null));
            c.add(new Case("GET", "/api/reports/notifications?agency=TTH-DOH", token, 403, null));
        }
        // QNG's reviewer cannot review TTH-DOLISA's received reports.
        c.add(new Case("POST", r + "/accept", QNG, 403, "{}"));
        c.add(new Case("POST", r + "/return", QNG, 403, "{\"summary\":\"x\"}"));
        c.add(new Case("POST", "/api/reports/obligations/" + obligation + "/extension", QNG, 403, extension));
        c.add(new Case("POST", "/api/reports/obligations/" + obligation + "/extension", EDUCATION, 403, extension));
        // The right callers.
        c.add(new Case("GET", "/api/reports", HEALTH, 200, null));
        c.add(new Case("GET", "/api/reports", GOV, 200, null));
        c.add(new Case("GET", "/api/reports/obligations/" + obligation, DOLISA, 200, null));
        c.add(new Case("GET", "/api/reports/obligations/" + obligation, AUDITOR, 200, null));
        c.add(new Case("GET", r, HEALTH, 200, null));
        c.add(new Case("GET", r + "/export?format=docx&version=draft", HEALTH, 200, null));
        c.add(new Case("GET", "/api/reports/attachments/" + attachment, HEALTH, 200, null));
        c.add(new Case("GET", plan + "/consolidation/export?format=docx&period=" + period, AUDITOR, 200, null));
        c.add(new Case("GET", plan + "/consolidation?period=" + period, DOLISA, 200, null));
        c.add(new Case("POST", plan + "/obligations/regeneration", ADMIN, 200, null));
        c.add(new Case("GET", "/api/reports/obligations?view=all&agency=TTH-DOH", AUDITOR, 200, null));
        c.add(new Case("GET", "/api/reports/outbox", ADMIN, 200, null));
        c.add(new Case("POST", "/api/reports/outbox/deliveries", ADMIN, 200, null));
        c.add(new Case("GET", "/api/public/reports/consolidations", null, 200, null));
        c.add(new Case("POST", "/api/reports/obligations/" + obligation + "/extension", DOLISA, 200, extension));
        return c;
    }

    @Test
    void everyEndpointAnswersByRoleAndAgency() {
        List<String> wrong = new ArrayList<>();
        for (Case k : cases()) {
            RequestSpecification req = given();
            if (k.token() != null) {
                req = req.header("Authorization", k.token());
            }
            if (k.method().equals("PUT") || k.method().equals("POST") && k.path().contains("/accept") || k.path().endsWith("/return")
                    || k.path().endsWith("/extension")) {
                req = req.header("If-Match", "*");
            }
            if (k.path().endsWith("/attachments")) {
                req = req.contentType("application/pdf").body(AttachmentTest.PDF);
            } else if (k.body() != null) {
                req = req.contentType(ContentType.JSON).body(k.body());
            }
            var res = req.request(k.method(), k.path());
            int status = res.statusCode();
            if (status != k.expected()) {
                wrong.add(k.method() + " " + k.path() + " as " + who(k.token()) + ": " + status + " (expected " + k.expected() + ") " + res.asString());
            } else if (status >= 400 && !String.valueOf(res.contentType()).startsWith("application/problem+json")) {
                wrong.add(k.method() + " " + k.path() + ": " + status + " is not a problem");
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private static String who(String token) {
        return token == null ? "anonymous" : token.substring(7, 27) + "…";
    }
}
