package vn.gems.plans.rest;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What changed between two versions; paths name list items by their stable keys. */
@Schema(name = "PlanDiff", example = """
        {"planId":3,"from":1,"to":2,"changes":[
          {"path":"objectives[O4].targets[O4-T3].measures[O4-T3-M1].targetValue","change":"CHANGED","before":18,"after":17},
          {"path":"reportingRules[R8]","change":"ADDED","before":null,"after":{"key":"R8","kind":"THEMATIC"}}]}""")
public record PlanDiff(long planId, int from, int to, List<Change> changes) {

    /** One change. */
    @Schema(name = "PlanChange")
    public record Change(String path, Kind change, JsonNode before, JsonNode after) {
    }

    @Schema(name = "PlanChangeKind")
    public enum Kind {
        ADDED, REMOVED, CHANGED
    }
}
