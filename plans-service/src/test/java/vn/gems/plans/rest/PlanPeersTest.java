package vn.gems.plans.rest;

import vn.gems.plans.Peers;
import vn.gems.plans.TestData;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gems.common.testing.InjectTestDatabase;
import vn.gems.common.testing.TestDatabase;
import vn.gems.plans.service.OutboxRelay;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gems.plans.TestData.ADMIN;
import static vn.gems.plans.TestData.AUDITOR;
import static vn.gems.plans.TestData.DOLISA;
import static vn.gems.plans.TestData.small;

/**
 * plans-service against its peers (a real HTTP server standing in for them): indicator codes are checked against
 * indicators-service, and lifecycle events reach reporting-service through the outbox exactly once.
 */
@QuarkusTest
class PlanPeersTest {

    @InjectTestDatabase
    TestDatabase db;

    @Inject
    OutboxRelay relay;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void data() {
        TestData.agencies();
        Peers.reset();
        breakers.resetAll();
        relay.deliverDue();
    }

    @AfterEach
    void restore() {
        Peers.open();
        Peers.reset();
        breakers.resetAll();
    }

    // ------------------------------------------------------------------ indicators-service

    @Test
    void anUnknownIndicatorCodeIs422NamingTheCode() {
        ObjectNode doc = small("T-P-UNKNOWN");
        ((ObjectNode) doc.at("/objectives/0/targets/1/measures/0")).put("indicatorCode", "SEX_RATIO_UNHEARD_OF");
        given().header("Authorization", DOLISA).contentType(ContentType.JSON).body(doc.toString())
                .post("/api/plans").then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("PLAN_INVALID"))
                .body("errors[0].field", equalTo("objectives[0].targets[1].measures[0].indicatorCode"))
                .body("errors[0].code", equalTo("UNKNOWN_INDICATOR"))
                .body("errors[0].message", containsString("SEX_RATIO_UNHEARD_OF"));
        assertEquals(0, db.count("select count(*) from plan where code = 'T-P-UNKNOWN'"));
        assertTrue(Peers.indicatorCalls() >= 1, "the catalogue was asked");
    }

    @Test
    void indicatorsServiceDownIs503AndNothingIsWritten() {
        Peers.mode("DOWN", null);
        given().header("Authorization", DOLISA).contentType(ContentType.JSON).body(small("T-P-DOWN").toString())
                .post("/api/plans").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", notNullValue()).body("code", equalTo("INDICATORS_UNAVAILABLE"));
        assertEquals(0, db.count("select count(*) from plan where code = 'T-P-DOWN'"));
        assertEquals(0, db.count("select count(*) from plan_version v join plan p on p.id = v.plan_id where p.code = 'T-P-DOWN'"));

        // Refused connections are the same to the caller.
        Peers.mode("UP", null);
        breakers.resetAll();
        Peers.close();
        given().header("Authorization", DOLISA).contentType(ContentType.JSON).body(small("T-P-DOWN").toString())
                .post("/api/plans").then().statusCode(503).body("code", equalTo("INDICATORS_UNAVAILABLE"));
        Peers.open();
        breakers.resetAll();
        given().header("Authorization", DOLISA).contentType(ContentType.JSON).body(small("T-P-DOWN").toString())
                .post("/api/plans").then().statusCode(201);
    }

    @Test
    void aSlowIndicatorsServiceTimesOutInto503() {
        Peers.mode("SLOW", null);
        long start = System.nanoTime();
        given().header("Authorization", DOLISA).contentType(ContentType.JSON).body(small("T-P-SLOW").toString())
                .post("/api/plans").then().statusCode(503).body("code", equalTo("INDICATORS_UNAVAILABLE"));
        assertTrue(System.nanoTime() - start < 30_000_000_000L, "bounded by the timeout, not the peer");
        assertEquals(0, db.count("select count(*) from plan where code = 'T-P-SLOW'"));
    }

    @Test
    void whenIndicatorsServiceIsDownTheDocumentsOwnErrorsStillCome() {
        Peers.mode("DOWN", null);
        given().header("Authorization", DOLISA).contentType(ContentType.JSON).body(small("T-P-BOTH").put("periodTo", 2000).toString())
                .post("/api/plans").then().statusCode(422).body("errors.code", Matchers.hasItem("PERIOD_ORDER"));
    }

    @Test
    void amendmentsAreCheckedAgainstTheCatalogueToo() {
        PlanResourceTest.create(DOLISA, small("T-P-AMEND"));
        PlanResourceTest.issue(DOLISA, "T-P-AMEND");
        ObjectNode doc = small("T-P-AMEND");
        ((ObjectNode) doc.at("/objectives/0/targets/0/measures/0")).put("indicatorCode", "NO_SUCH_RATE");
        given().header("Authorization", DOLISA).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"reason\":\"x\",\"document\":" + doc + "}").post("/api/plans/T-P-AMEND/amendments").then().statusCode(422)
                .body("errors[0].code", equalTo("UNKNOWN_INDICATOR"));
        assertEquals(1, db.count("select count(*) from plan_version v join plan p on p.id = v.plan_id where p.code = 'T-P-AMEND'"));
    }

    // ------------------------------------------------------------------ reporting-service, through the outbox

    @Test
    void anIssueCommitsWhileReportingIsDownAndIsDeliveredOnceItIsBack() throws Exception {
        long id = PlanResourceTest.create(DOLISA, small("T-P-OUTBOX")).jsonPath().getLong("id");
        String key = "plan-" + id + "-v1-ISSUED";
        Peers.mode(null, "DOWN");
        PlanResourceTest.issue(DOLISA, "T-P-OUTBOX");
        given().header("Authorization", AUDITOR).get("/api/plans/T-P-OUTBOX").then().statusCode(200).body("status", equalTo("ISSUED"));

        relay.deliverDue();
        relay.deliverDue();
        given().header("Authorization", AUDITOR).get("/api/plans/T-P-OUTBOX/events").then().statusCode(200)
                .body("[0].idempotencyKey", equalTo(key)).body("[0].delivered", equalTo(false))
                .body("[0].attempts", greaterThanOrEqualTo(1)).body("[0].lastError", containsString("unavailable"))
                // issue 12.7: a stable code and a sentence, never the exception's class or message
                .body("[0].status", equalTo("PENDING")).body("[0].lastErrorCode", equalTo("PEER_UNAVAILABLE"))
                .body("[0].lastError", Matchers.not(containsString("Exception")));
        assertTrue(received(key).stream().allMatch(e -> e.get("status").equals(503)), "only refused attempts so far");

        Peers.mode(null, "UP");
        breakers.resetAll();
        relay.deliverDue();
        relay.deliverDue();
        given().header("Authorization", AUDITOR).get("/api/plans/T-P-OUTBOX/events").then().statusCode(200)
                .body("[0].delivered", equalTo(true)).body("[0].lastStatus", equalTo(200)).body("[0].lastError", equalTo(null));
        List<Map<String, Object>> accepted = received(key).stream().filter(e -> e.get("status").equals(200)).toList();
        assertEquals(1, accepted.size(), "delivered exactly once");
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) accepted.get(0).get("body");
        assertEquals((int) id, body.get("planId"));
        assertEquals(1, body.get("planVersion"));
        assertEquals("ISSUED", body.get("event"));
        assertTrue(body.get("occurredAt") != null);

        // An answer lost on the way back: the relay sends again with the same key and reporting-service,
        // idempotent by key, creates nothing twice.
        try (Connection c = db.connect(); var st = c.prepareStatement("update plan_outbox set delivered_at = null, status = 'PENDING' where idem_key = ?")) {
            st.setString(1, key);
            st.executeUpdate();
        }
        relay.deliverDue();
        List<Map<String, Object>> all = received(key);
        assertEquals(2, all.stream().filter(e -> e.get("status").equals(200)).count());
        assertEquals(1, all.stream().filter(e -> Boolean.TRUE.equals(e.get("firstTime"))).count(), "no duplicate obligations");
        relay.deliverDue();
        assertEquals(all.size(), received(key).size(), "a delivered event is not sent again");
    }

    @Test
    void anAdminListsADeadLetteredEventAndRequeuesIt() throws Exception {
        long id = PlanResourceTest.create(DOLISA, small("T-P-DEAD")).jsonPath().getLong("id");
        String key = "plan-" + id + "-v1-ISSUED";
        Peers.mode(null, "DOWN");
        PlanResourceTest.issue(DOLISA, "T-P-DEAD");
        relay.deliverDue();
        // What the relay does once the attempts run out (TransactionalOutboxTest proves that part): FAILED, parked.
        try (Connection c = db.connect(); var st = c.prepareStatement("update plan_outbox set status = 'FAILED' where idem_key = ?")) {
            st.setString(1, key);
            assertEquals(1, st.executeUpdate());
        }
        long eventId = given().header("Authorization", ADMIN).get("/api/plans/outbox").then().statusCode(200)
                .body("failed", greaterThanOrEqualTo(1))
                .body("failedEvents.find { it.idempotencyKey == '" + key + "' }.planId", equalTo((int) id))
                .body("failedEvents.find { it.idempotencyKey == '" + key + "' }.lastErrorCode", equalTo("PEER_UNAVAILABLE"))
                .extract().jsonPath().getLong("failedEvents.find { it.idempotencyKey == '" + key + "' }.id");
        given().header("Authorization", AUDITOR).get("/api/plans/outbox").then().statusCode(200);
        given().header("Authorization", DOLISA).get("/api/plans/outbox").then().statusCode(403);
        given().get("/api/plans/outbox").then().statusCode(401);
        given().header("Authorization", AUDITOR).post("/api/plans/outbox/" + eventId + "/requeue").then().statusCode(403);
        given().header("Authorization", DOLISA).post("/api/plans/outbox/" + eventId + "/requeue").then().statusCode(403);
        given().post("/api/plans/outbox/" + eventId + "/requeue").then().statusCode(401);
        assertEquals(1, db.count("select count(*) from plan_outbox where idem_key = '" + key + "' and status = 'FAILED'"),
                "refused callers changed nothing");

        given().header("Authorization", ADMIN).post("/api/plans/outbox/" + eventId + "/requeue").then().statusCode(204);
        given().header("Authorization", ADMIN).post("/api/plans/outbox/" + eventId + "/requeue").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("NOT_FAILED"));
        given().header("Authorization", ADMIN).get("/api/plans/outbox").then().statusCode(200)
                .body("failedEvents.idempotencyKey", Matchers.not(Matchers.hasItem(key)));

        Peers.mode(null, "UP");
        breakers.resetAll();
        relay.deliverDue();
        given().header("Authorization", AUDITOR).get("/api/plans/T-P-DEAD/events").then().statusCode(200)
                .body("[0].idempotencyKey", equalTo(key)).body("[0].delivered", equalTo(true));
    }

    @Test
    void eventsOfOnePlanGoOutInOrderAndA409MeansAlreadyKnown() {
        long id = PlanResourceTest.create(DOLISA, small("T-P-ORDER")).jsonPath().getLong("id");
        Peers.mode(null, "DOWN");
        PlanResourceTest.issue(DOLISA, "T-P-ORDER");
        given().header("Authorization", DOLISA).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"reason\":\"x\",\"document\":" + small("T-P-ORDER").put("title", "Đã sửa") + "}")
                .post("/api/plans/T-P-ORDER/amendments").then().statusCode(201);
        relay.deliverDue();
        assertEquals(0, received("plan-" + id + "-v2-AMENDED").size(), "the amendment waits for the issue");

        Peers.mode(null, "CONFLICT");
        breakers.resetAll();
        relay.deliverDue();
        relay.deliverDue();
        given().header("Authorization", AUDITOR).get("/api/plans/T-P-ORDER/events").then().statusCode(200)
                .body("idempotencyKey", Matchers.contains("plan-" + id + "-v1-ISSUED", "plan-" + id + "-v2-AMENDED"))
                .body("delivered", Matchers.contains(true, true)).body("lastStatus", Matchers.contains(409, 409));
        List<String> order = Peers.events().stream().map(e -> (String) e.get("key"))
                .filter(k -> k.startsWith("plan-" + id + "-")).distinct().toList();
        assertEquals(List.of("plan-" + id + "-v1-ISSUED", "plan-" + id + "-v2-AMENDED"), order);
    }

    @Test
    void aRejectedEventIsRetriedLaterNotDropped() {
        long id = PlanResourceTest.create(DOLISA, small("T-P-REJECT")).jsonPath().getLong("id");
        Peers.mode(null, "REJECT");
        PlanResourceTest.issue(DOLISA, "T-P-REJECT");
        relay.deliverDue();
        given().header("Authorization", AUDITOR).get("/api/plans/T-P-REJECT/events").then().statusCode(200)
                .body("[0].delivered", equalTo(false)).body("[0].lastStatus", equalTo(422));
        Peers.mode(null, "UP");
        relay.deliverDue();
        given().header("Authorization", AUDITOR).get("/api/plans/T-P-REJECT/events").then().statusCode(200)
                .body("[0].delivered", equalTo(true));
        assertEquals(1, received("plan-" + id + "-v1-ISSUED").stream().filter(e -> e.get("status").equals(200)).count());
    }

    private static List<Map<String, Object>> received(String key) {
        return Peers.events().stream().filter(e -> key.equals(e.get("key"))).toList();
    }
}
