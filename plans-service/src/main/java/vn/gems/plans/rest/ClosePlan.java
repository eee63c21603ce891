package vn.gems.plans.rest;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Closing an issued plan (its period is over, or it was replaced). */
@Schema(name = "ClosePlan", example = """
        {"reason":"Tổng kết giai đoạn 2021-2025"}""")
public record ClosePlan(@Size(max = 2000) String reason) {
}
