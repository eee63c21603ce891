package vn.gems.reporting;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gems.common.testing.InjectTestDatabase;
import vn.gems.common.testing.TestDatabase;
import vn.gems.common.testing.TestTokens;

import java.time.LocalDate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.gems.reporting.Fixtures.ADMIN;

/** The reminder scheduler: due soon, then overdue, one notice each, listed per agency. */
@QuarkusTest
class ReminderTest {

    @InjectFakePeers
    FakePeers fake;

    @InjectTestDatabase
    TestDatabase db;

    @Test
    void dueSoonThenOverdueOnceEach() {
        Fixtures.agencies(fake);
        int year = Fixtures.today().getYear() + 3;
        fake.plan(6001, 1, Fixtures.seed001(year));
        Fixtures.event(6001, 1, "ISSUED").then().statusCode(200);
        LocalDate due = LocalDate.of(year, 6, 10);
        String a7 = TestTokens.bearer("a7.reporter", "HT-A7", "reporter");
        long obligation = Fixtures.obligation(a7, 6001, year + "S1", "R1");

        given().header("Authorization", a7).post("/api/reports/reminders/runs").then().statusCode(403);
        given().header("Authorization", ADMIN).post("/api/reports/reminders/runs?today=" + due.minusDays(3)).then().statusCode(200)
                .body("dueSoon", greaterThanOrEqualTo(12));
        given().header("Authorization", a7).get("/api/reports/notifications?kind=DUE_SOON").then().statusCode(200)
                .body("items.obligationId", hasItem((int) obligation));
        // Running again changes nothing: one notice per step.
        given().header("Authorization", ADMIN).post("/api/reports/reminders/runs?today=" + due.minusDays(2)).then().statusCode(200)
                .body("dueSoon", equalTo(0));
        given().header("Authorization", ADMIN).post("/api/reports/reminders/runs?today=" + due.plusDays(1)).then().statusCode(200)
                .body("overdue", greaterThanOrEqualTo(12));
        assertEquals(1, db.count("select count(*) from notification where obligation_id = ? and agency = 'HT-A7' and kind = 'OVERDUE'", obligation));
        assertEquals(1, db.count("select count(*) from notification where obligation_id = ? and agency = 'HT-DOLISA' and kind = 'OVERDUE'", obligation));
        assertEquals(1, db.count("select count(*) from notification where obligation_id = ? and kind = 'DUE_SOON'", obligation));
        assertEquals(1, db.count("select count(*) from obligation where id = ? and reminder_stage = 'OVERDUE'", obligation));
        String dolisa = TestTokens.bearer("ht.dolisa", "HT-DOLISA", "reviewer");
        given().header("Authorization", dolisa).get("/api/reports/notifications?kind=OVERDUE").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(12));
        given().header("Authorization", a7).get("/api/reports/notifications?agency=HT-DOLISA").then().statusCode(403);
        given().get("/api/reports/notifications").then().statusCode(401);
        given().header("Authorization", ADMIN).post("/api/reports/reminders/runs?today=someday").then().statusCode(400);
    }
}
