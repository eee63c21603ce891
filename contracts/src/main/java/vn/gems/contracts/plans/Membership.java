package vn.gems.contracts.plans;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;

/** One member of a body as plans-service answers {@code GET /api/agencies/{code}/members}: from a date, until one or open. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Membership(String agency, LocalDate from, LocalDate to) {
}
