package vn.gems.contracts.indicators;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * One entry of indicators-service's unit change feed ({@code GET /api/unit-changes}): what happened to one unit, in
 * sequence order. {@code type} is CREATED, RENAMED, REPARENTED, MERGED, SPLIT or ABOLISHED; {@code name*} and
 * {@code parent} are the unit's as of {@code effectiveDate} (for an end: its last day); {@code successors} are the
 * units that take over a merged or split unit's territory.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(name = "UnitChange", example = """
        {"seq":42,"type":"MERGED","unitCode":"VN-46-HUE","level":"DISTRICT","parent":"VN-46","nameVi":"Thành phố Huế (thuộc tỉnh)",
         "nameEn":"Hue City (provincial city)","effectiveDate":"2025-07-01","successors":["VN-46"],"restructuringEventId":2}""")
public record UnitChange(long seq,
                         @Schema(enumeration = {"CREATED", "RENAMED", "REPARENTED", "MERGED", "SPLIT", "ABOLISHED"}) String type,
                         String unitCode,
                         @Schema(enumeration = {"NATION", "PROVINCE", "DISTRICT", "COMMUNE"}) String level,
                         String parent, String nameVi, String nameEn,
                         LocalDate effectiveDate, List<String> successors, Long restructuringEventId) {
}
