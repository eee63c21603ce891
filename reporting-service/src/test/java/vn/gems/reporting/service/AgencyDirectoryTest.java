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

    @Test
    void getAllReadsUnknownAgenciesInBatchesAndStoresThemAtOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            String code = "BATCH-" + run + "-" + i;
            fake.agency(code, "Cơ quan " + i, "VN-42", "HT-PC", i == 0 ? "2020-01-01" : null, i == 0 ? new String[]{code + "-NEXT"} : new String[0]);
            codes.add(code);
        }
        List<String> single = new java.util.concurrent.CopyOnWriteArrayList<>();
        fake.onAgencyCall(single::add);
        try {
            int before = fake.agencyBatchCalls();
            List<String> asked = new ArrayList<>(codes);
            asked.add("BATCH-" + run + "-UNKNOWN");
            java.util.Map<String, vn.gems.reporting.AgencyRef> found = QuarkusTransaction.requiringNew().call(() -> agencies.getAll(asked));
            assertEquals(250, found.size(), "the unknown code is absent");
            assertEquals("Cơ quan 7", found.get(codes.get(7)).nameVi);
            assertEquals("2020-01-01", found.get(codes.get(0)).validTo.toString());
            assertEquals(List.of(codes.get(0) + "-NEXT"), found.get(codes.get(0)).successorList());
            // 250 codes of ~17 characters: two reads within the request line's limit, none one by one
            assertEquals(2, fake.agencyBatchCalls() - before);
            assertEquals(List.of(), single);
            assertEquals(250, db.count("select count(*) from agency_ref where code like ?", "BATCH-" + run + "-%"));

            // Fresh rows are not asked again; a row changed in plans-service is replaced once it is stale.
            assertEquals(250, QuarkusTransaction.requiringNew().call(() -> agencies.getAll(codes)).size());
            assertEquals(before + 2, fake.agencyBatchCalls());
            fake.agency(codes.get(1), "Tên mới", "VN-42", "HT-PC", null);
            try (var c = db.connect(); var st = c.prepareStatement("update agency_ref set fetched_at = now() - interval '1 hour' where code = ?")) {
                st.setString(1, codes.get(1));
                st.executeUpdate();
            }
            assertEquals("Tên mới", QuarkusTransaction.requiringNew().call(() -> {
                // loaded in this transaction before the upsert changes it: the entity is refreshed
                agencies.known(codes.get(1)).orElseThrow();
                return agencies.getAll(List.of(codes.get(1))).get(codes.get(1)).nameVi;
            }));
        } finally {
            fake.onAgencyCall(null);
        }
    }
}
