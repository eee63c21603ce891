package vn.gems.plans.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A target an agency is responsible for in an issued plan, with the measures it holds. {@code heldVia} names the
 * retired agency whose duty it inherited (e.g. VN-MOLISA for VN-MOHA), null when named directly.
 */
@Schema(name = "TargetDuty", example = """
        {"planId":3,"planCode":"TTH-BDG-2021-2025","planVersion":1,"documentNumber":null,
         "planTitle":"Kế hoạch thực hiện Chiến lược quốc gia về bình đẳng giới tỉnh Thừa Thiên Huế giai đoạn 2021-2025",
         "issuingAgency":"TTH-PC","objectiveKey":"O4","objectiveLabel":"d) Mục tiêu 4","objectiveTitle":"Trong lĩnh vực y tế",
         "targetKey":"O4-T2","targetLabel":"Chỉ tiêu 2","targetText":"Tỷ lệ tử vong bà mẹ liên quan đến thai sản giảm còn dưới 15/100.000 trẻ sinh sống.",
         "responsibleAgency":"TTH-DOH","heldVia":null,"scope":null,
         "measures":[{"key":"O4-T2-M1","indicatorCode":"MATERNAL_MORTALITY_RATIO","figure":"VALUE","comparator":"BELOW","baselineValue":null,
           "baselineYear":null,"targetValue":15,"targetYear":2025,"fromYear":null,"dimensions":{},
           "responsibleAgencies":[{"agency":"TTH-DOH","scope":null}],"note":null}]}""")
public record TargetDuty(long planId, String planCode, int planVersion, String documentNumber, String planTitle,
                         String issuingAgency, String objectiveKey, String objectiveLabel, String objectiveTitle,
                         String targetKey, String targetLabel, String targetText, String responsibleAgency, String heldVia,
                         String scope, List<Measure> measures) {
}
