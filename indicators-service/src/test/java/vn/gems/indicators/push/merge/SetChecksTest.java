package vn.gems.indicators.push.merge;

import vn.gems.indicators.Api;
import vn.gems.indicators.Demo;
import vn.gems.indicators.rest.ValueValidationTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.gems.common.testing.InjectTestDatabase;
import vn.gems.common.testing.TestDatabase;
import vn.gems.indicators.service.Catalogue;
import vn.gems.indicators.push.rules.GroupChecks;
import vn.gems.indicators.push.rules.RowError;
import vn.gems.indicators.push.merge.StageFile;
import vn.gems.indicators.push.rules.StagedRow;
import vn.gems.indicators.push.merge.ValueMerge;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The rules across rows run in memory while a file streams in, and in SQL when a file's groups outgrow memory (or
 * a sum is not a whole number). Both must find the same problems on the same rows.
 */
@QuarkusTest
class SetChecksTest {

    @Inject
    Catalogue catalogue;

    @InjectTestDatabase
    TestDatabase db;

    @Test
    void inMemoryAndSqlChecksAgree() throws Exception {
        Demo.load();
        // a stored total that a push bringing only female and male must match
        given().header("Authorization", Api.HEALTH).contentType(ContentType.JSON)
                .body(ValueValidationTest.batch(ValueValidationTest.value("BIRTHS", "VN-46-HUE-KIMLONG", "2018", "TOTAL", "\"value\":100")))
                .post("/api/values/batch").then().statusCode(200);
        Catalogue.Snapshot cat = catalogue.current();
        int births = cat.indicator("BIRTHS").orElseThrow().id();
        int gbv = cat.indicator("GBV_VICTIMS_SUPPORTED_SHARE").orElseThrow().id();
        int hue = cat.hierarchy.find("VN-46").orElseThrow().id;
        int kimLong = cat.hierarchy.find("VN-46-HUE-KIMLONG").orElseThrow().id;
        int phuHoi = cat.hierarchy.find("VN-46-HUE-PHUHOI").orElseThrow().id;
        List<StagedRow> rows = List.of(
                row(1, births, hue, "2018", 'F', "10"), row(2, births, hue, "2018", 'M', "12"), row(3, births, hue, "2018", 'T', "22"),
                row(4, births, phuHoi, "2018", 'F', "5"), row(5, births, phuHoi, "2018", 'F', "6"), row(6, births, phuHoi, "2018", 'T', "11"),
                row(7, births, kimLong, "2018", 'F', "48"), row(8, births, kimLong, "2018", 'M', "51"),
                row(9, births, hue, "2017", 'F', "1"), row(10, births, hue, "2017", 'M', "1"), row(11, births, hue, "2017", 'T', "3"),
                rate(12, gbv, hue, "2018", 'F', "8", "10"), rate(13, gbv, hue, "2018", 'M', "1", "2"), rate(14, gbv, hue, "2018", 'T', "9", "13"));
        TreeSet<String> inMemory = check(cat, rows, true);
        TreeSet<String> sql = check(cat, rows, false);
        assertEquals(inMemory, sql);
        assertEquals(new TreeSet<>(List.of("4 DUPLICATE_ROW", "5 DUPLICATE_ROW", "7 SEX_TOTAL_MISMATCH", "8 SEX_TOTAL_MISMATCH",
                "9 SEX_TOTAL_MISMATCH", "10 SEX_TOTAL_MISMATCH", "11 SEX_TOTAL_MISMATCH", "12 SEX_TOTAL_MISMATCH", "13 SEX_TOTAL_MISMATCH",
                "14 SEX_TOTAL_MISMATCH")), sql);
    }

    private TreeSet<String> check(Catalogue.Snapshot cat, List<StagedRow> rows, boolean inMemory) throws Exception {
        List<RowError> errors = new ArrayList<>();
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            ValueMerge m = new ValueMerge(c, cat);
            GroupChecks groups = new GroupChecks(cat);
            StageFile stage = StageFile.inMemory();
            for (StagedRow r : rows) {
                stage.add(r);
                groups.add(r);
            }
            stage.finish();
            m.begin("64MB");
            m.stage(stage);
            m.checkSets(inMemory ? groups : null, true, errors::add);
            c.rollback();
        }
        TreeSet<String> out = new TreeSet<>();
        errors.forEach(e -> out.add(e.line() + " " + e.code()));
        return out;
    }

    private static StagedRow row(long line, int indicator, int unit, String period, char sex, String value) {
        return new StagedRow(line, indicator, unit, period, sex, "", new BigDecimal(value), null, null, 'F');
    }

    private static StagedRow rate(long line, int indicator, int unit, String period, char sex, String num, String den) {
        BigDecimal n = new BigDecimal(num);
        BigDecimal d = new BigDecimal(den);
        return new StagedRow(line, indicator, unit, period, sex, "", n.multiply(BigDecimal.valueOf(100)).divide(d, 6, RoundingMode.HALF_UP),
                n, d, 'F');
    }
}
