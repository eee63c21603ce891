package vn.gems.contracts.indicators;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A page of the unit change feed: entries after {@code after}, the cursor to ask with next, and the feed's head. */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(name = "UnitChangePage", example = """
        {"items":[{"seq":42,"type":"RENAMED","unitCode":"VN-46","level":"PROVINCE","parent":"VN","nameVi":"Thành phố Huế",
         "nameEn":"Hue City","effectiveDate":"2025-01-01","successors":[],"restructuringEventId":1}],"after":41,"next":42,"head":57}""")
public record UnitChangePage(List<UnitChange> items, long after, long next, long head) {
}
