package vn.gems.reporting.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.gems.common.testing.InjectTestDatabase;
import vn.gems.common.testing.Replicas;
import vn.gems.common.testing.TestDatabase;
import vn.gems.reporting.FakePeers;
import vn.gems.reporting.InjectFakePeers;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two replicas refreshing the same agencies at the same moment (own threads and transactions, one database). */
@QuarkusTest
class AgencyDirectoryTest {

    @InjectFakePeers
    FakePeers fake;

    @InjectTestDatabase
    TestDatabase db;

    @Inject
    AgencyDirectory agencies;

    @Test
    void concurrentRefreshesOfANewAgencyBothSucceed() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String code = "RACE-" + run + "-" + i;
            fake.agency(code, "Cơ quan " + i, "VN-42", "HT-PC", null);
            codes.add(code);
        }
        CyclicBarrier together = new CyclicBarrier(2);
        List<Integer> found = Replicas.together(2, () -> {
            int n = 0;
            for (String code : codes) {
                together.await(10, TimeUnit.SECONDS);
                // each refresh in the caller's own transaction, as inside a plan-event request
                n += QuarkusTransaction.requiringNew().call(() -> agencies.refresh(code)).isPresent() ? 1 : 0;
            }
            return n;
        });
        assertEquals(List.of(25, 25), found, "every refresh succeeded");
        assertEquals(25, db.count("select count(*) from agency_ref where code like ? and name_vi like 'Cơ quan %'", "RACE-" + run + "-%"));

        // A later change in plans-service replaces the stored row.
        fake.agency(codes.get(0), "Tên mới", "VN-42", "HT-PC", null);
        assertEquals("Tên mới", QuarkusTransaction.requiringNew().call(() -> agencies.refresh(codes.get(0)).orElseThrow().nameVi));
    }
}
