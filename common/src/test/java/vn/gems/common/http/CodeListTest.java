package vn.gems.common.http;

import org.junit.jupiter.api.Test;
import vn.gems.common.problem.ProblemException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CodeListTest {

    @Test
    void codesAreTrimmedDeduplicatedAndKeptInOrder() {
        assertEquals(List.of("B", "A", "C"), CodeList.parse(" B,A,,B , C,", 3));
    }

    @Test
    void moreThanTheLimitIsA400OnTheCodesField() {
        ProblemException e = assertThrows(ProblemException.class, () -> CodeList.parse("A,B,C", 2));
        assertEquals(400, e.status());
        assertEquals("TOO_MANY_CODES", e.code());
        assertEquals("codes", e.errors().get(0).field());
    }
}
