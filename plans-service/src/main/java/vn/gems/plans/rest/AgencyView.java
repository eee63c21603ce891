package vn.gems.plans.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.gems.plans.AgencyKind;

import java.time.LocalDate;
import java.util.List;

/** An agency as the API shows it. */
@Schema(name = "Agency", example = """
        {"code":"TTH-DOH","nameVi":"Sở Y tế tỉnh Thừa Thiên Huế","nameEn":"Thua Thien Hue Department of Health",
         "kind":"PROVINCIAL_DEPARTMENT","unitCode":"VN-46","parentCode":"TTH-PC","validFrom":"2008-01-01",
         "validTo":null,"active":true,"successors":[],"retiredNote":null,"version":0}""")
public record AgencyView(String code, String nameVi, String nameEn, AgencyKind kind, String unitCode,
                         String parentCode, LocalDate validFrom, LocalDate validTo, boolean active,
                         List<String> successors, String retiredNote, long version) {
}
