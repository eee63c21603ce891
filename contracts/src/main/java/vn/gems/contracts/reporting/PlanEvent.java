package vn.gems.contracts.reporting;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/**
 * What plans-service tells reporting-service about a plan ({@code POST /api/reports/plan-events}, header
 * {@code Idempotency-Key: plan-{id}-v{version}-{event}}). One record for both sides: plans-service sends it,
 * reporting-service reads it. Fields plans-service may add later are ignored, so its outbox never retries an
 * event reporting-service could handle.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(name = "PlanEvent", example = """
        {"planId":12,"planVersion":3,"event":"ISSUED","occurredAt":"2021-05-10T08:00:00+07:00"}""")
public record PlanEvent(@NotNull @Min(1) Long planId, @NotNull @Min(1) Integer planVersion, @NotNull Kind event,
                        OffsetDateTime occurredAt) {

    /** The lifecycle events reporting-service is told about. */
    public enum Kind { ISSUED, AMENDED, CLOSED }
}
