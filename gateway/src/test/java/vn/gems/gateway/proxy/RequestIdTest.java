package vn.gems.gateway.proxy;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The request id: the caller's when it is a plain token, else a fresh random UUID. */
class RequestIdTest {

    @Test
    void freshIdsAreDistinctVersion4Uuids() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestIds.newRequestId();
            UUID uuid = UUID.fromString(id);
            assertEquals(4, uuid.version(), id);
            assertEquals(2, uuid.variant(), id);
            assertEquals(id, uuid.toString());
            assertTrue(seen.add(id), "repeated " + id);
        }
    }

    @Test
    void keepsAnAcceptableIncomingIdAndReplacesAnythingElse() {
        assertEquals("trace-42:a.b", RequestIds.incomingOrNew("trace-42:a.b"));
        for (String bad : new String[] {null, "", "two words", "x".repeat(101), "id\r\nX-Injected: 1"}) {
            String id = RequestIds.incomingOrNew(bad);
            assertNotEquals(bad, id);
            assertEquals(4, UUID.fromString(id).version(), id);
        }
    }
}
