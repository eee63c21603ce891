package vn.gems.contracts.indicators;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Where values come from: {@code kind} (REPORT, PUSH…), the report or file ({@code reference}, e.g.
 * {@code submission:41:v2}), the agency they belong to and the sending system. Also how a roll-up names its sources.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ValueSource(String kind, String reference, String agency, String system) {
}
