package vn.gems.plans.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.gems.plans.AgencyKind;

import java.time.LocalDate;

/** What a client sends to register an agency ({@code code} is ignored on update: the path names it). */
@Schema(name = "AgencyInput", example = """
        {"code":"TTH-DOH","nameVi":"Sở Y tế tỉnh Thừa Thiên Huế","nameEn":"Thua Thien Hue Department of Health",
         "kind":"PROVINCIAL_DEPARTMENT","unitCode":"VN-46","parentCode":"TTH-PC","validFrom":"2008-01-01"}""")
public record AgencyInput(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,39}", message = "must be 2-40 upper-case letters, digits or dashes") String code,
        @NotBlank @Size(max = 300) String nameVi,
        @NotBlank @Size(max = 300) String nameEn,
        @NotNull AgencyKind kind,
        @NotBlank @Size(max = 40) String unitCode,
        @Size(max = 40) String parentCode,
        @NotNull LocalDate validFrom) {
}
