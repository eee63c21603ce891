package vn.gems.reporting;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gems.common.testing.InjectTestDatabase;
import vn.gems.common.testing.TestDatabase;

import java.time.Duration;
import java.time.LocalDate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.gems.reporting.Fixtures.ADMIN;
import static vn.gems.reporting.Fixtures.DOLISA;
import static vn.gems.reporting.Fixtures.HEALTH;

/** Accepted values reach indicators-service once, even when it is down at acceptance: no loss, no duplicates. */
@QuarkusTest
class OutboxTest {

    @InjectFakePeers
    FakePeers fake;

    @InjectTestDatabase
    TestDatabase db;

    int year;

    @BeforeEach
    void plan() {
        Fixtures.agencies(fake);
        LocalDate due = Fixtures.today().plusDays(30);
        year = due.getYear();
        fake.plan(4001, 1, Fixtures.seed003("T-4001", year, year, due.getDayOfMonth(), due.getMonthValue()));
        Fixtures.event(4001, 1, "ISSUED").then().statusCode(200);
    }

    private long acceptedHealthReport(long planId) {
        long obligation = Fixtures.obligation(HEALTH, planId, String.valueOf(year), "R2");
        long report = Fixtures.start(HEALTH, obligation, Fixtures.healthReport(6100, 6800, "12"));
        Fixtures.submit(HEALTH, report);
        Fixtures.accept(DOLISA, report);
        return report;
    }

    private long rowsOf(long report) {
        return fake.rows().stream().filter(r -> r.reference().equals("submission:" + report + ":v1")).count();
    }

    @Test
    void indicatorsDownAtAcceptanceThenBack() throws Exception {
        fake.stopIndicators();
        long report;
        String key;
        try {
            report = acceptedHealthReport(4001);
            key = "reporting-submission-" + report + "-v1";
            // The acceptance committed with its outbox message although indicators-service is down.
            assertEquals(1, db.count("select count(*) from outbox_message where idem_key = ?", key));
            given().header("Authorization", ADMIN).post("/api/reports/outbox/deliveries").then().statusCode(200);
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    db.count("select attempts from outbox_message where idem_key = ?", key) >= 2);
            assertEquals(1, db.count("select count(*) from outbox_message where idem_key = ? and status = 'PENDING' and last_error is not null", key));
            // A stable code and a sentence are stored, never an exception's class or message (issue 12.7).
            assertEquals(1, db.count("select count(*) from outbox_message where idem_key = ? and last_error_code = 'PEER_UNAVAILABLE' "
                    + "and last_error not like '%Exception%'", key));
            given().header("Authorization", Fixtures.AUDITOR).get("/api/reports/outbox").then().statusCode(200)
                    .body("pending", greaterThanOrEqualTo(1));
            given().header("Authorization", HEALTH).get("/api/reports/outbox").then().statusCode(403);
            assertFalse(fake.batches().containsKey(key));
        } finally {
            fake.startIndicators();
        }
        // Back up: the scheduler delivers it once.
        await().atMost(Duration.ofSeconds(20)).until(() ->
                db.count("select count(*) from outbox_message where idem_key = ? and status = 'DELIVERED'", key) == 1);
        assertEquals(5, rowsOf(report));

        // A delivery whose answer was lost (crash after sending, before marking): it is sent again with the same key,
        // and indicators-service's idempotency makes the second delivery change nothing.
        db.count("select count(*) from (select 1) x");
        try (var c = db.connect(); var st = c.prepareStatement("update outbox_message set status = 'PENDING', next_attempt_at = now() where idem_key = ?")) {
            st.setString(1, key);
            st.executeUpdate();
        }
        int before = fake.batchCalls();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                db.count("select count(*) from outbox_message where idem_key = ? and status = 'DELIVERED'", key) == 1 && fake.batchCalls() > before);
        assertEquals(5, rowsOf(report));
        given().header("Authorization", ADMIN).post("/api/reports/outbox/deliveries").then().statusCode(200).body("delivered", equalTo(0));
        assertEquals(5, rowsOf(report));
    }

    @Test
    void valuesRefusedByIndicatorsAreParkedAsFailedAndCanBeRequeued() {
        LocalDate due = Fixtures.today().plusDays(30);
        JsonObject plan = Fixtures.seed003("T-4002", year, year, due.getDayOfMonth(), due.getMonthValue());
        JsonArray objectives = plan.getJsonArray("objectives");
        JsonObject health = objectives.getJsonObject(3);
        health.getJsonArray("targets").getJsonObject(3).getJsonArray("measures").getJsonObject(0).put("indicatorCode", "REJECT_ME");
        fake.plan(4002, 1, plan);
        Fixtures.event(4002, 1, "ISSUED").then().statusCode(200);
        long report = acceptedHealthReport(4002);
        String key = "reporting-submission-" + report + "-v1";
        await().atMost(Duration.ofSeconds(20)).until(() ->
                db.count("select count(*) from outbox_message where idem_key = ? and status = 'FAILED'", key) == 1);
        assertEquals(1, db.count("select count(*) from outbox_message where idem_key = ? and last_error_code = 'VALUES_REFUSED'", key));
        long id = db.count("select id from outbox_message where idem_key = ?", key);
        given().header("Authorization", Fixtures.AUDITOR).get("/api/reports/outbox").then().statusCode(200)
                .body("failed", greaterThanOrEqualTo(1)).body("recentProblems.idemKey", Matchers.hasItem(key));
        given().header("Authorization", ADMIN).post("/api/reports/outbox/" + id + "/requeue").then().statusCode(204);
        given().header("Authorization", ADMIN).post("/api/reports/outbox/987654/requeue").then().statusCode(409);
        assertEquals(0, rowsOf(report));
    }
}
