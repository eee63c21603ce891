package vn.gems.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.gems.client.indicators.api.IndicatorsApi;
import vn.gems.client.indicators.api.RollUpsApi;
import vn.gems.client.indicators.api.UnitsApi;
import vn.gems.client.indicators.model.Indicator;
import vn.gems.client.indicators.model.Rollup;
import vn.gems.client.plans.api.AgenciesApi;
import vn.gems.client.plans.api.PublicPlansApi;
import vn.gems.client.plans.model.Agency;
import vn.gems.client.reporting.api.ObligationsApi;
import vn.gems.client.reporting.api.PublicApi;
import vn.gems.client.reporting.model.Obligation;

import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gems.e2e.E2eSuite.bearer;
import static vn.gems.e2e.E2eSuite.gateway;

/**
 * What another government system does with the published contract: the Java clients generated from the three
 * OpenAPI documents ({@code deploy/openapi}, openapi-generator's "native" library) read the demo data through the
 * gateway with a real token (and with none on a public operation), and the answers bind to the generated models
 * (enums included). It reads the reference data the suite loads (agencies, units, catalogue), so it needs no other
 * class to have run; read-only, so it runs with the classes that assert the demo data's figures.
 */
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
        if (authorization != null) {
            c.setRequestInterceptor(r -> r.header("Authorization", authorization));
        }
        return c;
    }

    private static vn.gems.client.reporting.ApiClient reporting(String base, String authorization) {
        vn.gems.client.reporting.ApiClient c = new vn.gems.client.reporting.ApiClient();
        c.updateBaseUri(base);
        if (authorization != null) {
            c.setRequestInterceptor(r -> r.header("Authorization", authorization));
        }
        return c;
    }

    @Test
    void plansClientReadsTheAgencyRegistry() throws Exception {
        vn.gems.client.plans.ApiClient api = client(GeneratedClientsE2eTest::plans, "dolisa.officer");
        vn.gems.client.plans.model.Me me = new vn.gems.client.plans.api.IdentityApi(api).getMe();
        assertEquals("TTH-DOLISA", me.getAgency());
        assertEquals("TTH-DOH", new AgenciesApi(api).getAgency("TTH-DOH").getCode());
        assertTrue(new AgenciesApi(api).listAgencies(null, null, null, 0, null, null, 500, null).getTotal() > 10);
        // the demo retires MOLISA: Home Affairs holds its gender-equality duties now
        assertEquals(List.of("VN-MOHA"), new AgenciesApi(api).getAgencyHolders("VN-MOLISA").stream()
                .map(Agency::getCode).toList());
        // a public operation (security: []): the client sends no token at all, and the page binds
        vn.gems.client.plans.ApiClient anonymous = client(GeneratedClientsE2eTest::plans, null);
        assertNotNull(new PublicPlansApi(anonymous).searchPublicPlans(null, null, 0, null, null, 50, null, null, null).getTotal());
    }

    @Test
    void indicatorsClientReadsUnitsCatalogueAndARollUp() throws Exception {
        vn.gems.client.indicators.ApiClient api = client(GeneratedClientsE2eTest::indicators, "planning.reporter");
        assertEquals("VN-46", new UnitsApi(api).getUnit("VN-46", LocalDate.of(2026, 1, 1)).getCode());
        assertFalse(new UnitsApi(api).listUnitEvents(null, null, "VN-62").isEmpty(), "Kon Tum's merger into Quảng Ngãi");
        List<Indicator> found = new IndicatorsApi(api).listIndicators("BIRTHS,NOT_AN_INDICATOR", 0, null, null, 50).getItems();
        assertEquals(List.of("BIRTHS"), found.stream().map(Indicator::getCode).toList());
        // today's Quảng Ngãi takes in Kon Tum (merged 2025): its territory, and a roll-up over it that binds
        assertTrue(new UnitsApi(api).getUnitTerritory("VN-51", LocalDate.of(2026, 1, 1), null).contains("VN-62"));
        Rollup r = new RollUpsApi(api).getRollup(LocalDate.of(2026, 1, 1), null, "BIRTHS", "2023", "VN-51");
        assertEquals("BIRTHS", r.getIndicator());
        assertEquals("VN-51", r.getUnit());
    }

    @Test
    void reportingClientReadsTheCallerAndItsObligations() throws Exception {
        vn.gems.client.reporting.ApiClient api = client(GeneratedClientsE2eTest::reporting, "health.reporter");
        vn.gems.client.reporting.model.Me me = new vn.gems.client.reporting.api.IdentityApi(api).getMe();
        assertEquals("TTH-DOH", me.getAgency()); // the gateway sends /api/me to plans-service; the model binds all the same
        // the suite loads reference data only (each test class makes its own plans): whatever obligations exist are Health's
        List<Obligation> mine = new ObligationsApi(api).listObligations(null, 0, null, null, 100, null, null).getItems();
        assertTrue(mine.stream().allMatch(o -> "TTH-DOH".equals(o.getAgency())), "a reporter sees its own agency's obligations");
        assertNotNull(new ObligationsApi(api).getReportingOverview());
        assertNotNull(new PublicApi(client(GeneratedClientsE2eTest::reporting, null)).listPublicReports(null));
    }
}
