package vn.gems.plans.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** A document the plan rests on (Căn cứ), optionally linked to a plan held in the system by its code. */
@Schema(name = "LegalBasis", example = """
        {"documentType":"Kế hoạch","documentNumber":"72/KH-UBND","date":"2024-03-25","issuer":"UBND tỉnh Quảng Ngãi",
         "title":"Triển khai thực hiện công tác bình đẳng giới trên địa bàn tỉnh Quảng Ngãi năm 2024","planCode":"QNG-72-KH-UBND-2024"}""")
public record LegalBasis(
        @Schema(description = "Nghị quyết, Quyết định, Kế hoạch, Chỉ thị, Công văn…") @Size(max = 100) String documentType,
        @Size(max = 100) String documentNumber,
        LocalDate date,
        @Size(max = 300) String issuer,
        @NotBlank @Size(max = 2000) String title,
        @Schema(description = "Code of the plan in the system this document is, if it is one") @Size(max = 60) String planCode) {
}
