package vn.gems.contracts.plans;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An agency responsible for a measure, optionally for part of it ({@code scope}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResponsibleAgency(String agency, String scope) {
}
