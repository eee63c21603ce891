package vn.gems.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gems.e2e.E2eSuite.bearer;
import static vn.gems.e2e.E2eSuite.gateway;

/**
 * On-request reports in the portal, in a real headless Chromium through the gateway: DOLISA's reviewer opens the
 * requests page, picks the plan, its thematic rule on request, ticks Health among the rule's submitters, sets the
 * due date, subject and instructions and sends it (in Vietnamese); Health's reporter finds the request's subject in
 * the list of reports due, in Vietnamese and in English; the reviewer withdraws the request in English. Every page is
 * screenshotted and audited (axe-core, CSP). The class creates its own plan through the API (RequestsE2eTest's).
 */
@ExtendWith(E2eSuite.class)
class PortalRequestsBrowserE2eTest {

    static final String SUBJECT = "Chuyên đề về bình đẳng giới trong y tế cơ sở";
    static final List<Browser> browsers = new ArrayList<>();
    static long planId;

    @BeforeAll
    static void setUp() throws Exception {
        assertTrue(Browser.available(), "the browser tests need Debian's chromium and chromium-driver");
        KeycloakAdmin.allowPortalOrigin(gateway());
        planId = RequestsE2eTest.issuedPlan("E2E-PREQ-" + Long.toString(System.nanoTime(), 36).toUpperCase());
    }

    @AfterAll
    static void tearDown() {
        browsers.forEach(Browser::close);
    }

    static Browser signIn(String user) throws Exception {
        Browser b = Browser.signedIn("requests-" + user, user);
        browsers.add(b);
        return b;
    }

    @Test
    void aReviewerAsksForAThematicReportTheReporterSeesItAndTheReviewerWithdrawsIt() throws Exception {
        LocalDate due = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(15);

        // The reviewer issues the request (Vietnamese, the portal's default).
        Browser reviewer = signIn("dolisa.officer");
        reviewer.awaitText("nav .tabs", "Yêu cầu báo cáo");
        reviewer.go("#/ws/requests?plan=" + planId);
        reviewer.await("#request-form");
        // The link names the plan (chosen in the list); its rules on request are offered, the dated ones are not.
        assertEquals(String.valueOf(planId), new Select(reviewer.find("#req-plan")).getFirstSelectedOption().getAttribute("value"));
        reviewer.awaitText("#req-rule", "R22");
        assertTrue(reviewer.all("#req-rule option[value='R2']").isEmpty(), "a dated annual rule is not asked on request");
        new Select(reviewer.find("#req-rule")).selectByValue("R22");
        reviewer.await("#req-recipients input[value='TTH-DOH']").click();
        assertTrue(reviewer.all("#req-recipients input[value='TTH-DOLISA']").isEmpty(), "the receiving agency never owes itself the report");
        reviewer.js("document.getElementById('req-due').value = arguments[0]", due.toString());
        reviewer.type("#req-subject", SUBJECT);
        reviewer.type("#req-instructions", "Nêu kết quả lồng ghép giới trong chăm sóc sức khỏe ban đầu.");
        reviewer.audit("request-form");
        reviewer.find("#req-issue").click();
        reviewer.awaitText("#req-status", "Đã gửi yêu cầu REQ-");
        reviewer.awaitText("#req-status", "tới 1 cơ quan");
        long id = given().header("Authorization", bearer("dolisa.officer")).get(gateway() + "/api/reports/requests?planId=" + planId)
                .then().statusCode(200).extract().jsonPath().getLong("items[0].id");
        assertEquals(List.of("TTH-DOH"), given().header("Authorization", bearer("dolisa.officer")).get(gateway() + "/api/reports/requests/" + id)
                .then().statusCode(200).extract().jsonPath().getList("recipients"));
        reviewer.go("#/ws/inbox");
        reviewer.go("#/ws/requests");
        reviewer.awaitText("tr[data-request='" + id + "']", SUBJECT);
        reviewer.awaitText("tr[data-request='" + id + "']", "Đang yêu cầu");
        reviewer.audit("requests-list");

        // The reporter sees it among the reports due, with its subject, in both languages.
        Browser reporter = signIn("health.reporter");
        reporter.go("#/ws/obligations");
        reporter.awaitText("#obligations", "Yêu cầu: " + SUBJECT);
        reporter.audit("obligations-with-request");
        reporter.find("#lang-switch").click();
        reporter.awaitText("#obligations", "Request: " + SUBJECT);
        assertEquals("en", reporter.js("return document.documentElement.lang"));
        reporter.audit("obligations-with-request-en");

        // The reviewer withdraws it, in English.
        reviewer.find("#lang-switch").click();
        reviewer.awaitText("h1", "Thematic and ad hoc report requests");
        reviewer.type("#wd-" + id, "Covered by the annual report");
        reviewer.find("tr[data-request='" + id + "'] .withdraw-form button").click();
        reviewer.awaitText("tr[data-request='" + id + "'] .status-line", "Request withdrawn; 1 unsubmitted report(s) cancelled.");
        reviewer.audit("request-withdrawn-en");
        given().header("Authorization", bearer("health.reporter")).get(gateway() + "/api/reports/obligations?planId=" + planId
                + "&period=REQ-" + id + "&status=CANCELLED").then().statusCode(200)
                .body("items[0].requestId", equalTo((int) id));
        reviewer.go("#/ws/inbox");
        reviewer.go("#/ws/requests");
        reviewer.awaitText("tr[data-request='" + id + "']", "Withdrawn");
        assertTrue(reviewer.find("tr[data-request='" + id + "']").findElements(By.cssSelector(".withdraw-form")).isEmpty());
    }
}
