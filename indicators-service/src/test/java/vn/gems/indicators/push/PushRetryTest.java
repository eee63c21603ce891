package vn.gems.indicators.push;

import vn.gems.indicators.Api;
import vn.gems.indicators.Demo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gems.common.testing.InjectTestDatabase;
import vn.gems.common.testing.TestDatabase;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retrying a push with its Idempotency-Key: after the push was cut off (kill -9 of the service), after a failure on
 * our side, while it still runs, and many identical requests at once. Every answer is a valid status, never a 5xx
 * for a retry, and there is one effect.
 */
@QuarkusTest
class PushRetryTest {

    static final String STATS_SUBJECT = UUID.nameUUIDFromBytes("stats.officer".getBytes()).toString();
    static final String SCOPE = STATS_SUBJECT + " POST /api/values/pushes";

    @InjectTestDatabase
    TestDatabase db;

    @BeforeEach
    void data() {
        Demo.load();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** A push row as an earlier process left it; a running one is held by another live instance. */
    long pushRow(String key, byte[] file, String status, Integer responseStatus, String message) throws Exception {
        try (Connection c = db.connect(); PreparedStatement st = c.prepareStatement("""
                insert into value_push (kind, status, mode, format, dry_run, on_error, source_kind, source_reference, source_agency,
                                        source_system, created_by, idem_scope, idem_key, default_status, catalogue_revision, content_sha256,
                                        response_status, message, committed, owner, lease_until)
                values ('PUSH', ?, 'UPSERT', 'CSV', false, 'ABORT', 'PUSH', null, 'TTH-STATS', null, 'stats.officer', ?, ?, 'P', 0, ?, ?, ?, false,
                        'another-instance', case when ? <> 'FAILED' then now() + interval '5 minutes' end)
                returning id""")) {
            st.setString(1, status);
            st.setString(2, SCOPE);
            st.setString(3, key);
            st.setString(4, sha256(file));
            st.setObject(5, responseStatus);
            st.setString(6, message);
            st.setString(7, status);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static Response post(String key, byte[] csv) {
        return given().header("Authorization", Api.STATS).header("Idempotency-Key", key).contentType("text/csv")
                .body(csv).post("/api/values/pushes");
    }

    long values(String indicator, String period) {
        return StoredValues.count(db, indicator, period);
    }

    @Test
    void aPushCutOffByARestartCompletesWhenRetriedWithItsKey() throws Exception {
        byte[] csv = "indicator,unit,period,sex,value\nWAGE_WORKERS,VN-42,2011,FEMALE,5\nWAGE_WORKERS,VN-42,2011,MALE,6\nWAGE_WORKERS,VN-42,2011,TOTAL,11\n"
                .getBytes(StandardCharsets.UTF_8);
        // what a start-up left of a push whose process was killed: FAILED, nothing written, the answer 500
        long id = pushRow("cut-off-1", csv, "FAILED", 500,
                "interrupted by a restart of indicators-service before it finished; nothing was written; push again");
        post("cut-off-1", csv).then().statusCode(201).body("id", equalTo((int) id)).body("status", equalTo("SUCCEEDED"))
                .body("inserted", equalTo(3)).body("failureCode", equalTo(null));
        assertEquals(3, values("WAGE_WORKERS", "2011"));
        // and from then on the key replays the success
        post("cut-off-1", csv).then().statusCode(201).body("id", equalTo((int) id)).body("inserted", equalTo(3));
        assertEquals(1, db.count("select count(*) from value_push where idem_key = 'cut-off-1'"));
    }

    @Test
    void aPushStillRunningAnswers409WithRetryAfterNeverAStatusZero() throws Exception {
        byte[] csv = "indicator,unit,period,sex,value\nWAGE_WORKERS,VN-42,2012,TOTAL,11\n".getBytes(StandardCharsets.UTF_8);
        pushRow("running-1", csv, "VALIDATING", null, null);
        post("running-1", csv).then().statusCode(409).contentType("application/problem+json")
                .header("Retry-After", notNullValue()).body("code", equalTo("PUSH_IN_PROGRESS"));
        assertEquals(0, values("WAGE_WORKERS", "2012"));
    }

    @Test
    void identicalPushesWithOneKeyAtOnceHaveOneEffectAndValidAnswers() throws Exception {
        StringBuilder sb = new StringBuilder("indicator,unit,period,sex,value\n");
        for (String unit : new String[]{"VN-01", "VN-42", "VN-46", "VN-51", "VN-62"}) {
            sb.append("DOCTORATE_HOLDERS,").append(unit).append(",2013,FEMALE,3\n");
            sb.append("DOCTORATE_HOLDERS,").append(unit).append(",2013,MALE,4\n");
            sb.append("DOCTORATE_HOLDERS,").append(unit).append(",2013,TOTAL,7\n");
        }
        byte[] csv = sb.toString().getBytes(StandardCharsets.UTF_8);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                answers.add(pool.submit((Callable<Response>) () -> post("at-once-1", csv)));
            }
            int created = 0;
            for (Future<Response> f : answers) {
                Response r = f.get();
                assertTrue(r.statusCode() == 201 || r.statusCode() == 409, "answered " + r.statusLine());
                if (r.statusCode() == 409) {
                    assertEquals("PUSH_IN_PROGRESS", r.jsonPath().getString("code"));
                    assertNotNull(r.header("Retry-After"));
                } else {
                    created++;
                    assertEquals(15, r.jsonPath().getInt("rowsAccepted"));
                }
            }
            assertTrue(created >= 1);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(15, values("DOCTORATE_HOLDERS", "2013"));
        assertEquals(1, db.count("select count(*) from value_push where idem_key = 'at-once-1'"));
        post("at-once-1", csv).then().statusCode(201).body("inserted", equalTo(15));
    }

    @Test
    void aFailureOnOurSideStoresACodeAndASentenceAndTheRetryCompletes() throws Exception {
        byte[] csv = "indicator,unit,period,sex,value\nENTERPRISE_DIRECTORS,VN-62,2014,TOTAL,4242\n".getBytes(StandardCharsets.UTF_8);
        try (Connection c = db.connect(); var st = c.createStatement()) {
            st.execute("""
                    create or replace function test_refuse_4242() returns trigger language plpgsql as $$
                    begin
                      if new.value = 4242 then
                        raise exception 'secret driver text: relation "indicator_value" violates check constraint x_chk';
                      end if;
                      return new;
                    end $$""");
            st.execute("create trigger test_refuse_4242 before insert on indicator_value for each row execute function test_refuse_4242()");
        }
        String location;
        try {
            Response r = post("fails-1", csv);
            r.then().statusCode(500).contentType("application/problem+json").body("code", equalTo("INTERNAL_ERROR"))
                    .body("detail", not(containsString("secret"))).body("detail", not(containsString("relation")))
                    .body("detail", containsString("request"));
            location = "/api/values/pushes/" + db.count("select id from value_push where idem_key = 'fails-1'");
            String stored = given().header("Authorization", Api.STATS).get(location).then().statusCode(200)
                    .body("status", equalTo("FAILED")).body("committed", equalTo(false)).body("failureCode", equalTo("INTERNAL_ERROR"))
                    .extract().path("message");
            assertFalse(stored.contains("secret") || stored.contains("ERROR") || stored.contains("Exception") || stored.contains("relation"), stored);
        } finally {
            try (Connection c = db.connect(); var st = c.createStatement()) {
                st.execute("drop trigger test_refuse_4242 on indicator_value");
            }
        }
        post("fails-1", csv).then().statusCode(201).body("status", equalTo("SUCCEEDED")).body("inserted", equalTo(1))
                .header("Location", containsString(location));
    }
}
