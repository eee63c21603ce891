package vn.gems.plans.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** One change to an agency and the agency as it was right after it (for a body's membership change, its members too). */
@Schema(name = "AgencyHistoryEntry", example = """
        {"revision":1,"action":"RETIRED","actor":"gems.admin","at":"2025-11-21T08:00:00Z",
         "agency":{"code":"VN-MOLISA","nameVi":"Bộ Lao động - Thương binh và Xã hội","nameEn":"Ministry of Labour, Invalids and Social Affairs",
          "kind":"MINISTRY","unitCode":"VN","parentCode":null,"validFrom":"1987-02-16","validTo":"2025-02-28","active":false,
          "successors":["VN-MOHA"],"retiredNote":"Nghị quyết 176/2025/QH15","version":1}}""")
public record AgencyHistoryEntry(long revision, String action, String actor, Instant at, AgencyView agency,
                                 @Schema(description = "MEMBERS_CHANGED: the body's members after the change")
                                 @JsonInclude(JsonInclude.Include.NON_NULL) List<Membership> members) {
}
