package vn.gems.common.http;

import org.junit.jupiter.api.Test;
import vn.gems.common.problem.ProblemException;
import vn.gems.common.request.RequestIds;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ETagsTest {

    @Test
    void missingIfMatchIs428() {
        ProblemException e = assertThrows(ProblemException.class, () -> ETags.requireMatch(null, 3));
        assertEquals(428, e.status());
        assertEquals("IF_MATCH_REQUIRED", e.code());
    }

    @Test
    void staleIfMatchIs412() {
        ProblemException e = assertThrows(ProblemException.class, () -> ETags.requireMatch("\"2\"", 3));
        assertEquals(412, e.status());
        assertEquals("STALE_VERSION", e.code());
        assertThrows(ProblemException.class, () -> ETags.requireMatch("3", 3), "an unquoted tag is not a match");
    }

    @Test
    void currentListedOrWildcardMatches() {
        assertDoesNotThrow(() -> ETags.requireMatch("\"3\"", 3));
        assertDoesNotThrow(() -> ETags.requireMatch("\"1\", \"3\"", 3));
        assertDoesNotThrow(() -> ETags.requireMatch("W/\"3\", \"3\"", 3), "the strong copy in the list matches");
        assertDoesNotThrow(() -> ETags.requireMatch("*", 3));
    }

    @Test
    void weakTagsNeverMatchIfMatch() {
        // RFC 9110 13.1.1: If-Match uses the strong comparison; W/"3" is not "3".
        ProblemException e = assertThrows(ProblemException.class, () -> ETags.requireMatch("W/\"3\"", 3));
        assertEquals(412, e.status());
        assertEquals("WEAK_ETAG", e.code());
        assertEquals("WEAK_ETAG", assertThrows(ProblemException.class, () -> ETags.requireMatch("\"1\", W/\"3\"", 3)).code());
    }

    @Test
    void pagingBounds() {
        assertEquals(new Paging(0, Paging.DEFAULT_SIZE), Paging.of(null, null));
        assertEquals(400, assertThrows(ProblemException.class, () -> Paging.of(-1, 10)).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> Paging.of(0, Paging.MAX_SIZE + 1)).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> Paging.of(0, 0)).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> Paging.of(Integer.MAX_VALUE, 2)).status());
    }

    @Test
    void requestIdsRefuseLogInjection() {
        assertEquals("abc-1", RequestIds.acceptOrCreate("abc-1"));
        assertNotEquals("a\nb", RequestIds.acceptOrCreate("a\nb"));
        assertEquals(36, RequestIds.acceptOrCreate(null).length());
        assertEquals(36, RequestIds.acceptOrCreate("x".repeat(101)).length());
    }
}
