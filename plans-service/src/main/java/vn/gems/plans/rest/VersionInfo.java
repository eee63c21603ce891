package vn.gems.plans.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One version of a plan: when and by whom it was made and issued, and why (amendments). */
@Schema(name = "PlanVersionInfo", example = """
        {"number":2,"current":true,"createdAt":"2023-03-05T02:00:00Z","createdBy":"dolisa.officer",
         "issuedAt":"2023-03-05T02:00:00Z","issuedBy":"dolisa.officer",
         "reason":"Điều chỉnh chỉ tiêu 3 của mục tiêu 4 sau sơ kết giữa kỳ","reference":"Quyết định số 12/QĐ-UBND ngày 05/3/2023"}""")
public record VersionInfo(int number, boolean current, Instant createdAt, String createdBy, Instant issuedAt,
                          String issuedBy, String reason, String reference) {
}
