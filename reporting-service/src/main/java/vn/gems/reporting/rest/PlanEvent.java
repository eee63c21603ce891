package vn.gems.reporting.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/**
 * What plans-service tells this service about a plan (README "Service-to-service contracts"). Fields plans-service may
 * add later are ignored, so its outbox never retries an event this service could handle.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(name = "PlanEvent", example = """
        {"planId":12,"planVersion":3,"event":"ISSUED","occurredAt":"2021-05-10T08:00:00+07:00"}""")
public record PlanEvent(@NotNull @Min(1) Long planId, @NotNull @Min(1) Integer planVersion, @NotNull Kind event,
                        OffsetDateTime occurredAt) {

    public enum Kind { ISSUED, AMENDED, CLOSED }
}
