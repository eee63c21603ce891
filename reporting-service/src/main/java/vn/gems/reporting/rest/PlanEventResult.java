package vn.gems.reporting.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a plan event changed in the obligations. */
@Schema(name = "PlanEventResult", example = """
        {"planId":12,"planVersion":3,"event":"ISSUED","created":57,"updated":0,"cancelled":0,"reopened":0,"kept":0,"unchanged":0}""")
public record PlanEventResult(long planId, int planVersion, String event, int created, int updated, int cancelled,
                              int reopened, int kept, int unchanged) {
}
