package vn.gems.plans.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import vn.gems.plans.rest.PlanDiff;
import vn.gems.plans.service.PlanDiffer;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlanDifferTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    @Test
    void keyedListsAreMatchedByKeyNotPosition() throws Exception {
        JsonNode before = json("""
                {"title":"A","objectives":[{"key":"O1","label":"a)","targets":[{"key":"O1-T1","v":1},{"key":"O1-T2","v":2}]},
                                           {"key":"O2","label":"b)","targets":[]}]}""");
        JsonNode after = json("""
                {"title":"A","objectives":[{"key":"O2","label":"d)","targets":[]},
                                           {"key":"O1","label":"a)","targets":[{"key":"O1-T2","v":3},{"key":"O1-T3","v":4}]}]}""");
        List<PlanDiff.Change> changes = PlanDiffer.diff(before, after);
        assertEquals(List.of(
                "objectives[O1].targets[O1-T1] REMOVED",
                "objectives[O1].targets[O1-T2].v CHANGED",
                "objectives[O1].targets[O1-T3] ADDED",
                "objectives[O2].label CHANGED",
                "objectives.order CHANGED"), changes.stream().map(c -> c.path() + " " + c.change()).toList());
        assertEquals(2, changes.get(1).before().asInt());
        assertEquals(3, changes.get(1).after().asInt());
    }

    @Test
    void identicalDocumentsHaveNoChangesAndNullEqualsMissing() throws Exception {
        assertEquals(List.of(), PlanDiffer.diff(json("{\"a\":null,\"b\":[1,2]}"), json("{\"b\":[1,2]}")));
        List<PlanDiff.Change> changes = PlanDiffer.diff(json("{\"b\":[1,2],\"c\":null}"), json("{\"b\":[2,1],\"c\":\"x\"}"));
        assertEquals(List.of("b CHANGED", "c CHANGED"), changes.stream().map(c -> c.path() + " " + c.change()).toList());
        assertEquals(null, changes.get(1).before());
    }
}
