package vn.gems.plans.service;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gems.common.problem.ProblemException;
import vn.gems.common.testing.InjectTestDatabase;
import vn.gems.common.testing.TestDatabase;
import vn.gems.plans.FakePeers;
import vn.gems.plans.Peers;
import vn.gems.plans.TestData;

import java.sql.Connection;
import java.sql.Statement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gems.plans.TestData.ADMIN;
import static vn.gems.plans.TestData.HEALTH;

/**
 * People's Committees follow the unit change feed (a stub indicators-service over real HTTP, {@link FakePeers}):
 * created, renamed, moved and retired with their unit; re-reading the feed changes nothing; a follower that could
 * not reach indicators-service catches up; a replica that does not hold the advisory lock applies nothing.
 */
@QuarkusTest
class CommitteeFollowerTest {

    @InjectTestDatabase
    TestDatabase db;

    @Inject
    UnitFeedFollower follower;

    @Inject
    CircuitBreakerMaintenance breakers;

    private String u;

    @BeforeEach
    void reset() {
        TestData.agencies();
        Peers.reset();
        breakers.resetAll();
        follower.catchUp();
        u = "VN-TEST" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    }

    @AfterEach
    void restore() {
        Peers.reset();
        breakers.resetAll();
    }

    @Test
    void committeesAreCreatedRenamedAndRetiredWithTheirUnitsOnceEach() throws Exception {
        // a district committee registered by hand before the feed existed, like the demo's TTH-HUE-PC
        String legacy = "LEG-" + u.substring(7);
        agency(legacy, u + "-D");
        long start = follower.cursor();
        Peers.appendUnitChanges("""
                [{"type":"CREATED","unitCode":"%1$s","level":"PROVINCE","parent":"VN","nameVi":"Tỉnh Thử","nameEn":"Test Province","effectiveDate":"1989-07-01","successors":[]},
                 {"type":"CREATED","unitCode":"%1$s-D","level":"DISTRICT","parent":"%1$s","nameVi":"Huyện Đông","nameEn":"Dong District","effectiveDate":"1990-01-01","successors":[]},
                 {"type":"CREATED","unitCode":"%1$s-D-X","level":"COMMUNE","parent":"%1$s-D","nameVi":"Xã Tây","nameEn":"Tay Commune","effectiveDate":"1990-01-01","successors":[]},
                 {"type":"CREATED","unitCode":"%1$s-NEW","level":"COMMUNE","parent":"%1$s","nameVi":"Xã Mới","nameEn":"Moi Commune","effectiveDate":"2025-07-01","successors":[]},
                 {"type":"RENAMED","unitCode":"%1$s","level":"PROVINCE","parent":"VN","nameVi":"Thành phố Thử","nameEn":"Test City","effectiveDate":"2025-01-01","successors":[]},
                 {"type":"MERGED","unitCode":"%1$s-D","level":"DISTRICT","parent":"%1$s","nameVi":"Huyện Đông","nameEn":"Dong District","effectiveDate":"2025-07-01","successors":["%1$s"]},
                 {"type":"REPARENTED","unitCode":"%1$s-D-X","level":"COMMUNE","parent":"%1$s","nameVi":"Xã Tây","nameEn":"Tay Commune","effectiveDate":"2025-07-01","successors":[]},
                 {"type":"MERGED","unitCode":"%1$s-D-X","level":"COMMUNE","parent":"%1$s","nameVi":"Xã Tây","nameEn":"Tay Commune","effectiveDate":"2025-07-01","successors":["%1$s-NEW"]}]"""
                .formatted(u));

        assertEquals(8, follower.catchUp());
        assertEquals(start + 8, follower.cursor());

        String pc = "PC-" + u;
        given().header("Authorization", HEALTH).get("/api/agencies/" + pc).then().statusCode(200)
                .body("nameVi", equalTo("UBND thành phố Thử")).body("nameEn", equalTo("Test City People's Committee"))
                .body("kind", equalTo("PEOPLES_COMMITTEE")).body("unitCode", equalTo(u)).body("validFrom", equalTo("1989-07-01"))
                .body("validTo", nullValue());
        given().header("Authorization", HEALTH).get("/api/agencies/" + pc + "-D").then().statusCode(200)
                .body("parentCode", equalTo(pc)).body("validTo", equalTo("2025-06-30")).body("successors", contains(pc))
                .body("active", equalTo(false));
        given().header("Authorization", HEALTH).get("/api/agencies/" + pc + "-D-X").then().statusCode(200)
                .body("parentCode", equalTo(pc)).body("validTo", equalTo("2025-06-30")).body("successors", contains(pc + "-NEW"));
        // the hand-registered committee of the district retires with it, the province's committee holding its duties
        given().header("Authorization", HEALTH).get("/api/agencies/" + legacy).then().statusCode(200)
                .body("validTo", equalTo("2025-06-30")).body("successors", contains(pc));
        given().header("Authorization", HEALTH).get("/api/agencies/" + legacy + "/holders").then().statusCode(200)
                .body("code", contains(pc));
        given().header("Authorization", HEALTH).get("/api/agencies/" + pc + "/history").then().statusCode(200)
                .body("action", contains("CREATED", "RENAMED")).body("actor", contains("unit-feed", "unit-feed"));
        // a committee registered by hand after its unit ended is born retired with the same holders
        agency(legacy + "B", u + "-D");
        given().header("Authorization", HEALTH).get("/api/agencies/" + legacy + "B").then().statusCode(200)
                .body("validTo", equalTo("2025-06-30")).body("successors", contains(pc));

        // reading the same entries again (a crash before the cursor was stored) changes nothing
        String fingerprint = "select count(*) || ':' || sum(version) from agency where code like ?";
        long history = db.count("select count(*) from agency_history");
        String before = text(fingerprint, "%" + u.substring(7) + "%");
        try (Connection c = db.connect(); var ps = c.prepareStatement("update unit_feed_cursor set last_seq = ? where feed = 'indicators-units'")) {
            ps.setLong(1, start);
            ps.executeUpdate();
        }
        assertEquals(8, follower.catchUp());
        assertEquals(history, db.count("select count(*) from agency_history"));
        assertEquals(before, text(fingerprint, "%" + u.substring(7) + "%"));
    }

    @Test
    void afterIndicatorsServiceWasDownTheFollowerCatchesUp() {
        long start = follower.cursor();
        Peers.mode("DOWN", null);
        Peers.appendUnitChanges("""
                [{"type":"CREATED","unitCode":"%1$s","level":"PROVINCE","parent":"VN","nameVi":"Tỉnh Xa","nameEn":"Xa Province","effectiveDate":"2000-01-01","successors":[]},
                 {"type":"CREATED","unitCode":"%1$s-C","level":"COMMUNE","parent":"%1$s","nameVi":"Xã Gần","nameEn":"Gan Commune","effectiveDate":"2025-07-01","successors":[]}]"""
                .formatted(u));
        ProblemException down = assertThrows(ProblemException.class, follower::pollOnce);
        assertEquals(503, down.status());
        assertEquals("INDICATORS_UNAVAILABLE", down.code());
        assertEquals(start, follower.cursor());
        given().header("Authorization", HEALTH).get("/api/agencies/PC-" + u).then().statusCode(404);

        Peers.mode("UP", null);
        breakers.resetAll();
        assertEquals(2, follower.catchUp());
        assertEquals(start + 2, follower.cursor());
        given().header("Authorization", HEALTH).get("/api/agencies/PC-" + u + "-C").then().statusCode(200)
                .body("parentCode", equalTo("PC-" + u)).body("nameVi", equalTo("UBND xã Gần"));
    }

    @Test
    void aReplicaWithoutTheLockAppliesNothing() throws Exception {
        long start = follower.cursor();
        Peers.appendUnitChanges("""
                [{"type":"CREATED","unitCode":"%s","level":"PROVINCE","parent":"VN","nameVi":"Tỉnh Khóa","nameEn":"Khoa Province","effectiveDate":"2000-01-01","successors":[]}]"""
                .formatted(u));
        try (Connection other = db.connect()) {
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                // another replica in the middle of its poll transaction
                s.execute("select pg_advisory_xact_lock(" + 0x67656d73756e6974L + ")");
                UnitFeedFollower.Poll p = follower.pollOnce();
                assertTrue(p.lockedElsewhere());
                assertEquals(0, p.applied());
                assertEquals(start, follower.cursor());
            }
            other.commit();
        }
        assertEquals(1, follower.catchUp());
        given().header("Authorization", HEALTH).get("/api/agencies/PC-" + u).then().statusCode(200);
    }

    private static void agency(String code, String unit) {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("""
                {"code":"%s","nameVi":"Ủy ban nhân dân huyện Đông","nameEn":"Dong District People's Committee",
                 "kind":"PEOPLES_COMMITTEE","unitCode":"%s","validFrom":"2008-01-01"}""".formatted(code, unit))
                .post("/api/agencies").then().statusCode(201);
    }

    private String text(String sql, String param) throws Exception {
        try (Connection c = db.connect(); var ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
