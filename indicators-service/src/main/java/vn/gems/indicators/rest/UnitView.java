package vn.gems.indicators.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.gems.indicators.UnitLevel;

import java.time.LocalDate;
import java.util.List;

/**
 * An administrative unit as of a date (today unless asked): {@code name}/{@code parent} are the Vietnamese
 * name and the parent code then ({@code nameVi}, {@code nameEn}, {@code parentCode} repeat them), with the
 * dated history of names and parents and the units its territory came from or went to.
 */
@Schema(name = "Unit", example = """
        {"code":"VN-46","name":"Thành phố Huế","nameVi":"Thành phố Huế","nameEn":"Hue City","level":"PROVINCE","parent":"VN",
         "parentCode":"VN","validFrom":"1976-01-01","validTo":null,"active":true,"asOf":"2026-01-01",
         "names":[{"nameVi":"Tỉnh Thừa Thiên Huế","nameEn":"Thua Thien Hue Province","validFrom":"1976-01-01","validTo":"2024-12-31"},
                  {"nameVi":"Thành phố Huế","nameEn":"Hue City","validFrom":"2025-01-01","validTo":null}],
         "parents":[{"parentCode":"VN","validFrom":"1976-01-01","validTo":null}],"predecessors":["VN-46-HUE"],"successors":[],"version":2}""")
public record UnitView(String code, String name, String nameVi, String nameEn, UnitLevel level, String parent, String parentCode,
                       LocalDate validFrom, LocalDate validTo, boolean active, LocalDate asOf, List<NameView> names,
                       List<ParentView> parents, List<String> predecessors, List<String> successors, long version) {

    public record NameView(String nameVi, String nameEn, LocalDate validFrom, LocalDate validTo) {
    }

    public record ParentView(String parentCode, LocalDate validFrom, LocalDate validTo) {
    }
}
