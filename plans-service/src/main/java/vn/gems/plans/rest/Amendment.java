package vn.gems.plans.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An amendment of an issued plan: the whole amended document, why, and the amending decision. */
@Schema(name = "Amendment", example = """
        {"reason":"Điều chỉnh chỉ tiêu 3 của mục tiêu 4 sau sơ kết giữa kỳ",
         "reference":"Quyết định số 12/QĐ-UBND ngày 05/3/2023","document":{"code":"TTH-BDG-2021-2025","title":"Kế hoạch thực hiện Chiến lược quốc gia về bình đẳng giới tỉnh Thừa Thiên Huế giai đoạn 2021-2025",
         "kind":"STRATEGY_IMPLEMENTATION","issuingAgency":"TTH-PC","unitCode":"VN-46","periodFrom":2021,"periodTo":2025}}""")
public record Amendment(@NotBlank @Size(max = 2000) String reason, @Size(max = 300) String reference,
                        @NotNull PlanDocument document) {
}
