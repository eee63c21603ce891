package vn.gems.e2e;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.gems.client.indicators.api.IndicatorsApi;
import vn.gems.client.indicators.api.RollUpsApi;
import vn.gems.client.indicators.api.UnitsApi;
import vn.gems.client.indicators.model.Indicator;
import vn.gems.client.indicators.model.Rollup;
import vn.gems.client.plans.api.AgenciesApi;
import vn.gems.client.plans.api.PlansApi;
import vn.gems.client.plans.api.PublicPlansApi;
import vn.gems.client.plans.model.PlanStatus;
import vn.gems.client.plans.model.PlanSummary;
import vn.gems.client.reporting.api.ObligationsApi;
import vn.gems.client.reporting.model.Obligation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gems.e2e.E2eSuite.bearer;
import static vn.gems.e2e.E2eSuite.gateway;

/**
 * What another government system does with the published contract: the Java clients generated from the three
 * OpenAPI documents ({@code deploy/openapi}, openapi-generator's "native" library) read the demo data through the
 * gateway with a real token, and the answers bind to the generated models (enums included). Read-only, so it
 * runs with the classes that assert the demo data's figures.
 */
@Order(5)
@ExtendWith(E2eSuite.class)
class GeneratedClientsE2eTest {

    /** An ApiClient of one service's generated package, pointed at the gateway, sending this user's token (or none). */
    private static <C> C client(BiFunction<String, String, C> make, String user) {
        return make.apply(gateway(), user == null ? null : bearer(user));
    }

    private static vn.gems.client.plans.ApiClient plans(String base, String authorization) {
        vn.gems.client.plans.ApiClient c = new vn.gems.client.plans.ApiClient();
        c.updateBaseUri(base);
        if (authorization != null) {
            c.setRequestInterceptor(r -> r.header("Authorization", authorization));
        }
        return c;
    }

    private static vn.gems.client.indicators.ApiClient indicators(String base, String authorization) {
        vn.gems.client.indicators.ApiClient c = new vn.gems.client.indicators.ApiClient();
        c.updateBaseUri(base);
        c.setRequestInterceptor(r -> r.header("Authorization", authorization));
        return c;
    }

    private static vn.gems.client.reporting.ApiClient reporting(String base, String authorization) {
        vn.gems.client.reporting.ApiClient c = new vn.gems.client.reporting.ApiClient();
        c.updateBaseUri(base);
        c.setRequestInterceptor(r -> r.header("Authorization", authorization));
        return c;
    }

    @Test
    void plansClientReadsAgenciesAndTheIssuedPlan() throws Exception {
        vn.gems.client.plans.ApiClient api = client(GeneratedClientsE2eTest::plans, "dolisa.officer");
        assertEquals("TTH-DOH", new AgenciesApi(api).getAgency("TTH-DOH").getCode());
        assertTrue(new AgenciesApi(api).listAgencies(null, null, 0, null, null, 500, null).getTotal() > 10);
        List<PlanSummary> issued = new PlansApi(api).searchPlans(null, null, 0, null, "TTH-BDG", 50, PlanStatus.ISSUED, null, null).getItems();
        assertEquals(List.of("TTH-BDG-2021-2025"), issued.stream().map(PlanSummary::getCode).toList());
        assertFalse(new PlansApi(api).getPlanVersions(String.valueOf(issued.getFirst().getId())).isEmpty());
        // a public operation (security: []): the client sends no token at all
        vn.gems.client.plans.ApiClient anonymous = client(GeneratedClientsE2eTest::plans, null);
        assertTrue(new PublicPlansApi(anonymous).searchPublicPlans(null, null, 0, null, null, 50, null, null, null).getItems()
                .stream().anyMatch(p -> p.getCode().equals("TTH-BDG-2021-2025")));
    }

    @Test
    void indicatorsClientReadsUnitsCatalogueAndARollUp() throws Exception {
        vn.gems.client.indicators.ApiClient api = client(GeneratedClientsE2eTest::indicators, "planning.reporter");
        assertEquals("VN-46", new UnitsApi(api).getUnit("VN-46", LocalDate.of(2026, 1, 1)).getCode());
        assertFalse(new UnitsApi(api).listUnitEvents(null, null, "VN-62").isEmpty(), "Kon Tum's merger into Quảng Ngãi");
        List<Indicator> found = new IndicatorsApi(api).listIndicators("BIRTHS,NOT_AN_INDICATOR", 0, null, null, 50).getItems();
        assertEquals(List.of("BIRTHS"), found.stream().map(Indicator::getCode).toList());
        // today's Quảng Ngãi adds Kon Tum's counts for 2023 (IndicatorsE2eTest has the same figures)
        Rollup r = new RollUpsApi(api).getRollup(LocalDate.of(2026, 1, 1), null, "BIRTHS", "2023", "VN-51");
        assertEquals(0, new BigDecimal(27930).compareTo(r.getTotal()));
        assertEquals(0, new BigDecimal(13350).compareTo(r.getFemale()));
        assertEquals(List.of("VN-51", "VN-62"), r.getContributingUnits());
    }

    @Test
    void reportingClientReadsTheHealthDepartmentsObligations() throws Exception {
        vn.gems.client.reporting.ApiClient api = client(GeneratedClientsE2eTest::reporting, "health.reporter");
        List<Obligation> mine = new ObligationsApi(api).listObligations(null, 0, null, null, 100, null, null).getItems();
        assertFalse(mine.isEmpty(), "the issued plan gives Health obligations");
        assertTrue(mine.stream().allMatch(o -> "TTH-DOH".equals(o.getAgency())), "a reporter sees its own agency's obligations");
        Obligation first = mine.getFirst();
        assertEquals(first.getId(), new ObligationsApi(api).getObligation(first.getId()).getId());
        new ObligationsApi(api).getReportingOverview();
    }
}
