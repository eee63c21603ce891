package vn.gems.plans.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.gems.plans.FundingKind;

/** A funding source (Kinh phí) and what the plan says about it. */
@Schema(name = "FundingSource", example = """
        {"kind":"INTERNATIONAL_AID","note":"Nguồn tài trợ, viện trợ quốc tế"}""")
public record FundingSource(@NotNull FundingKind kind, @Size(max = 5000) String note) {
}
