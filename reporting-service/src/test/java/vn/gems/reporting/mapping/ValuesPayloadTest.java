package vn.gems.reporting.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import vn.gems.contracts.indicators.ValueBatch;
import vn.gems.contracts.indicators.ValueRow;
import vn.gems.contracts.plans.Coverage;
import vn.gems.contracts.plans.Plan;
import vn.gems.reporting.Obligation;
import vn.gems.reporting.PlanModel;
import vn.gems.reporting.rest.ReportContent;
import vn.gems.reporting.service.IndicatorCatalogue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValuesPayloadTest {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Test
    void rowsFollowTheFigureThenTheCatalogue() throws Exception {
        PlanModel plan = PlanReader.read(JSON.readValue("""
                {"objectives":[{"key":"O4","targets":[
                  {"key":"O4-T1","measures":[{"key":"O4-T1-M1","indicatorCode":"BIRTHS","figure":"MALE_TO_FEMALE_X100"}]},
                  {"key":"O4-T2","measures":[{"key":"O4-T2-M1","indicatorCode":"MATERNAL_MORTALITY_RATIO","figure":"VALUE"}]},
                  {"key":"O2-T3","measures":[{"key":"O2-T3-M1","indicatorCode":"DIRECTORS","figure":"TOTAL"}]},
                  {"key":"O5-T2","measures":[{"key":"O5-T2-M1","indicatorCode":"COMPLETION","figure":"FEMALE_VALUE","dimensions":{"ethnicity":"MINORITY"}}]}]}]}""", Plan.class), 1, 1);
        Obligation o = new Obligation();
        o.agency = "TTH-DOH";
        o.unitCode = "VN-46";
        o.period = "2024";
        o.coverage = Coverage.ALL_TARGETS;
        ReportContent c = new ReportContent(List.of(), List.of(), List.of(
                new ReportContent.Value("O4-T1-M1", bd("7000"), bd("7700"), null, null, null, null, null, null),
                new ReportContent.Value("O4-T2-M1", null, null, null, bd("16"), bd("2"), bd("12500"), null, null),
                new ReportContent.Value("O2-T3-M1", null, null, bd("52"), null, null, null, null, null),
                new ReportContent.Value("O5-T2-M1", bd("91.5"), null, null, null, null, null, null, null)));
        ValueBatch body = ValuesPayload.build(plan, o, 41, 2, c);
        assertEquals("submission:41:v2", body.source().reference());
        assertEquals("REPORT", body.source().kind());
        assertEquals("TTH-DOH", body.source().agency());
        assertEquals(List.of("BIRTHS/FEMALE/7000", "BIRTHS/MALE/7700", "MATERNAL_MORTALITY_RATIO/null/16", "DIRECTORS/TOTAL/52",
                "COMPLETION/FEMALE/91.5"), rows(body));
        assertEquals("MINORITY", body.values().get(4).dimensions().get("ethnicity"));
        // The wire form names every field, nulls included, as indicators-service's ValueInput does.
        JsonNode wire = JSON.valueToTree(body);
        assertTrue(wire.at("/values/2").has("sex") && wire.at("/values/2/sex").isNull());
        assertEquals(16, wire.at("/values/2/value").asInt());

        ValueBatch sent = ValuesPayload.normalise(body, Map.of(
                "BIRTHS", new IndicatorCatalogue.Info("BIRTHS", true, "SUM", "ANNUAL"),
                "MATERNAL_MORTALITY_RATIO", new IndicatorCatalogue.Info("MATERNAL_MORTALITY_RATIO", false, "RATIO", "ANNUAL"),
                "DIRECTORS", new IndicatorCatalogue.Info("DIRECTORS", false, "SUM", "QUARTERLY")));
        // The rate goes as its counts (indicators-service recomputes it); a non-sex indicator takes no sex.
        assertEquals(List.of("BIRTHS/FEMALE/7000", "BIRTHS/MALE/7700", "MATERNAL_MORTALITY_RATIO/null/null", "DIRECTORS/null/52",
                "COMPLETION/FEMALE/91.5"), rows(sent));
        assertEquals(12500, sent.values().get(2).denominator().intValue());
        assertNull(sent.values().get(3).numerator());

        // A 6-month report's figure of an annual indicator is not sent; a quarterly indicator takes it.
        o.period = "2024S1";
        ValueBatch halfYear = ValuesPayload.build(plan, o, 41, 3, c);
        assertEquals(List.of("DIRECTORS/null/52", "COMPLETION/FEMALE/91.5"), rows(ValuesPayload.normalise(halfYear, Map.of(
                "BIRTHS", new IndicatorCatalogue.Info("BIRTHS", true, "SUM", "ANNUAL"),
                "MATERNAL_MORTALITY_RATIO", new IndicatorCatalogue.Info("MATERNAL_MORTALITY_RATIO", false, "RATIO", "ANNUAL"),
                "DIRECTORS", new IndicatorCatalogue.Info("DIRECTORS", false, "SUM", "QUARTERLY")))));
    }

    private static List<String> rows(ValueBatch body) {
        List<String> out = new ArrayList<>();
        for (ValueRow v : body.values()) {
            out.add(v.indicatorCode() + "/" + v.sex() + "/" + (v.value() == null ? "null" : v.value().stripTrailingZeros().toPlainString()));
        }
        return out;
    }

    private static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }
}
