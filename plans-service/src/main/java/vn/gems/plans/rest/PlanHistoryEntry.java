package vn.gems.plans.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One change to a plan. */
@Schema(name = "PlanHistoryEntry", example = """
        {"at":"2025-11-21T08:00:00Z","actor":"dolisa.officer","action":"ISSUED","version":1,"revision":1,"detail":null}""")
public record PlanHistoryEntry(Instant at, String actor, String action, int version, long revision, String detail) {
}
