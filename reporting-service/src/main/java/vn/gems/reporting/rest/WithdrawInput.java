package vn.gems.reporting.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a report request is withdrawn. */
@Schema(name = "WithdrawInput", example = """
        {"reason":"Nội dung đã được tổng hợp trong báo cáo năm"}""")
public record WithdrawInput(@NotBlank @Size(max = 1000) String reason) {
}
