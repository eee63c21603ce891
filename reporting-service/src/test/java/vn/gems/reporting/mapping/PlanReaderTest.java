package vn.gems.reporting.mapping;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import vn.gems.contracts.plans.Coverage;
import vn.gems.contracts.plans.Figure;
import vn.gems.contracts.plans.Plan;
import vn.gems.contracts.plans.RuleKind;
import vn.gems.contracts.plans.SubmitterMode;
import vn.gems.contracts.plans.TargetComparator;
import vn.gems.reporting.PlanModel;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads plans-service's plan document as its OpenAPI example shows it. */
class PlanReaderTest {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    static final String DOC = """
            {"id":3,"version":2,"status":"ISSUED","current":true,"revision":5,"parentPlanId":null,
             "assignedAgencies":["TTH-DOH","TTH-DOF"],
             "childPlans":[{"id":9,"code":"HUE-BDG","status":"ISSUED","issuingAgency":"HUE-PC","leadAgency":"HUE-LABOUR","unitCode":"VN-46-HUE","periodFrom":2021,"periodTo":2025}],
             "code":"TTH-BDG-2021-2025","documentNumber":null,"title":"Kế hoạch thực hiện Chiến lược quốc gia về bình đẳng giới",
             "kind":"STRATEGY_IMPLEMENTATION","issuingAgency":"TTH-PC","leadAgency":"TTH-DOLISA","unitCode":"VN-46",
             "periodFrom":2021,"periodTo":2025,"parentPlan":null,
             "objectives":[{"key":"O4","label":"d) Mục tiêu 4","title":"Trong lĩnh vực y tế","titleEn":"Health","targets":[
               {"key":"O4-T3","label":"Chỉ tiêu 3","text":"Tỷ suất sinh ở vị thành niên giảm từ 23 xuống 18/1.000.","measures":[
                 {"key":"O4-T3-M1","indicatorCode":"ADOLESCENT_BIRTH_RATE","figure":"VALUE","comparator":"REDUCE_TO",
                  "baselineValue":23,"baselineYear":null,"targetValue":18,"targetYear":2025,"fromYear":null,"dimensions":{"age":"15-19"},
                  "responsibleAgencies":[{"agency":"TTH-DOH","scope":null}],"note":null}]}]}],
             "reportingRules":[{"key":"R3","kind":"ANNUAL","title":"Báo cáo gửi Bộ","dueDay":10,"dueMonth":12,"dueYear":null,"fromYear":2021,
               "toYear":2025,"submitters":{"mode":"EXPLICIT","agencies":["TTH-DOLISA"]},"receivingAgency":"VN-MOLISA","copyTo":[],
               "coverage":"ALL_TARGETS","consolidates":"R2"}],
             "assignments":[{"key":"A3","addressee":"Sở Tài chính","agencies":["TTH-DOF"],"tasks":[],"targetKeys":[]}]}""";

    @Test
    void readsTheContractFields() throws Exception {
        PlanModel p = PlanReader.read(JSON.readValue(DOC, Plan.class), 0, 0);
        assertEquals(3, p.id());
        assertEquals(2, p.version());
        assertEquals("TTH-BDG-2021-2025", p.number());
        assertEquals("TTH-PC", p.issuingAgency());
        assertEquals("TTH-DOLISA", p.managingAgency());
        assertEquals("VN-46", p.unitCode());
        assertEquals(2021, p.startYear());
        assertEquals(2025, p.endYear());
        PlanModel.Measure m = p.measure("O4-T3-M1").orElseThrow().measure();
        assertEquals(Figure.VALUE, m.figure());
        assertEquals(TargetComparator.REDUCE_TO, m.comparator());
        assertEquals(new BigDecimal("23"), m.baselineValue());
        assertEquals("15-19", m.dimensions().get("age"));
        assertTrue(m.assignedTo("TTH-DOH"));
        PlanModel.Rule r = p.rule("R3").orElseThrow();
        assertEquals(RuleKind.ANNUAL, r.kind());
        assertEquals(SubmitterMode.EXPLICIT, r.mode());
        assertEquals(List.of("TTH-DOLISA"), r.agencies());
        assertEquals(Coverage.ALL_TARGETS, r.coverage());
        assertEquals(List.of("R2"), r.consolidates(), "a single key reads as a list of one");
        assertEquals(List.of("TTH-DOH", "TTH-DOF"), List.copyOf(p.assignedAgencies()));
        assertEquals("HUE-LABOUR", p.childPlans().get(0).reportingAgency());
        assertEquals("VN-46-HUE", p.childPlans().get(0).unitCode());
    }

    @Test
    void readsSelectorsRolesAndSeveralConsolidatedRules() throws Exception {
        String doc = """
                {"id":4,"version":1,"code":"T","issuingAgency":"TTH-PC","leadAgency":"TTH-DOLISA","unitCode":"VN-46",
                 "periodFrom":2025,"periodTo":2026,"assignedAgencies":["TTH-DOH"],
                 "assignments":[{"key":"A1","agencies":["TTH-DOH"],"role":"RESPONSIBLE"},{"key":"A2","agencies":["TTH-WU"],"role":"REQUESTED"},
                                {"key":"A3","agencies":["TTH-DOJ"],"role":"COOPERATING"},{"key":"A4","agencies":["TTH-STATS"]},
                                {"key":"A5","agencies":["TTH-X"],"role":"SOMETHING_NEW"}],
                 "reportingRules":[{"key":"R1","kind":"ANNUAL","dueDay":30,"dueMonth":11,"receivingAgency":"TTH-DOLISA",
                   "submitters":{"mode":"UNIT_COMMITTEES","unit":"VN-46","level":"COMMUNE","invited":["TTH-WU"," "]},"consolidates":["R2","R3","R2"]},
                   {"key":"R2","kind":"ANNUAL","dueDay":30,"dueMonth":11,"submitters":{"mode":"BODY_MEMBERS","body":"TTH-CFAW"},"consolidates":null}]}""";
        PlanModel p = PlanReader.read(JSON.readValue(doc, Plan.class), 0, 0);
        PlanModel.Rule r1 = p.rule("R1").orElseThrow();
        assertEquals(SubmitterMode.UNIT_COMMITTEES, r1.mode());
        assertEquals("VN-46", r1.unit());
        assertEquals("COMMUNE", r1.level());
        assertEquals(List.of("TTH-WU"), r1.invited());
        assertEquals(List.of("R2", "R3"), r1.consolidates());
        assertTrue(r1.consolidating());
        PlanModel.Rule r2 = p.rule("R2").orElseThrow();
        assertEquals("TTH-CFAW", r2.body());
        assertEquals(List.of(), r2.consolidates());
        // responsible (and role-less, and a role this side does not know) report; requested are invited; co-operating nothing
        assertEquals(List.of("TTH-DOH", "TTH-STATS", "TTH-X"), List.copyOf(p.assignedAgencies()));
        assertEquals(List.of("TTH-WU"), p.requestedAgencies());
    }

    @Test
    void missingKeysAreDerivedAndUnknownValuesTolerated() throws Exception {
        PlanModel p = PlanReader.read(JSON.readValue("""
                {"objectives":[{"title":"x","targets":[{"text":"y","measures":[{"indicatorCode":"I","figure":"SOMETHING_NEW"}]}]}],
                 "reportingRules":[{"kind":"ANNUAL","dueDay":1,"dueMonth":2,"submitters":{"mode":"ALL_ASSIGNED"}}]}""", Plan.class), 7, 1);
        assertEquals(7, p.id());
        assertEquals("O1-T1-M1", p.measures().get(0).measure().key());
        assertEquals(Figure.VALUE, p.measures().get(0).measure().figure());
        assertEquals("R1", p.rules().get(0).key());
    }

    @Test
    void readsARangeAToleranceAndInterimTargets() throws Exception {
        String doc = DOC.replace("\"responsibleAgencies\":[{\"agency\":\"TTH-DOH\",\"scope\":null}],\"note\":null}",
                "\"responsibleAgencies\":[{\"agency\":\"TTH-DOH\",\"scope\":null}],\"note\":null,\"targetValueHigh\":20,\"tolerance\":0.5,"
                        + "\"interimTargets\":[{\"year\":2023,\"value\":21},{\"year\":2024,\"value\":null}]}");
        PlanModel.Measure m = PlanReader.read(JSON.readValue(doc, Plan.class), 0, 0).measure("O4-T3-M1").orElseThrow().measure();
        assertEquals(new BigDecimal("20"), m.targetValueHigh());
        assertEquals(new BigDecimal("0.5"), m.tolerance());
        // an interim target without a value says nothing and is left out
        assertEquals(List.of(new PlanModel.Interim(2023, new BigDecimal("21"))), m.interimTargets());
        assertEquals(new BigDecimal("21"), m.interimFor(2023).orElseThrow().value());
        assertTrue(m.interimFor(2024).isEmpty());
        // a plan without them reads as before
        PlanModel.Measure plain = PlanReader.read(JSON.readValue(DOC, Plan.class), 0, 0).measure("O4-T3-M1").orElseThrow().measure();
        assertEquals(null, plain.targetValueHigh());
        assertEquals(List.of(), plain.interimTargets());
    }
}
