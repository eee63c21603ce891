package vn.gems.reporting.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** A due-date extension (gia hạn nộp báo cáo) the receiving agency grants for one obligation. */
@Schema(name = "ExtensionInput", example = """
        {"dueDate":"2026-12-20","reason":"Sở Y tế chờ số liệu tuyến xã sau sáp nhập đơn vị hành chính"}""")
public record ExtensionInput(
        @Schema(description = "The new due date: later than the plan's due date, not before today") @NotNull LocalDate dueDate,
        @Schema(description = "Why more time is granted") @NotBlank @Size(max = 1000) String reason) {
}
