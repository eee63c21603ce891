package vn.gems.plans.rest;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** Optional details set when a draft is issued: the number and date it was given (kept when absent). */
@Schema(name = "IssuePlan", example = """
        {"documentNumber":"34/KH-UBND","issueDate":"2018-02-26"}""")
public record IssuePlan(@Size(max = 100) String documentNumber, LocalDate issueDate) {
}
