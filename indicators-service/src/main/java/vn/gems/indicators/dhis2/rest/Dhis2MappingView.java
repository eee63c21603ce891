package vn.gems.indicators.dhis2.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A stored DHIS2 mapping with its version (also its ETag). */
@Schema(name = "Dhis2Mapping", example = """
        {"code":"hmis-tth","name":"HMIS Thừa Thiên Huế — sinh và tử vong mẹ","dataSet":"QX4ZTUbOt3a",
         "dataElements":[{"dataElement":"h0xKKjijTdI","categoryOptionCombo":"hEFKSsPV5et","indicator":"BIRTHS","sex":"FEMALE","dimensions":{}}],
         "orgUnits":[{"orgUnit":"ImspTQPwCqd","unit":"VN-46"}],"version":1,"updatedBy":"gems.admin","updatedAt":"2026-12-07T08:00:00Z"}""")
public record Dhis2MappingView(String code, String name, String dataSet, List<Dhis2MappingInput.Element> dataElements,
                               List<Dhis2MappingInput.OrgUnit> orgUnits, long version, String updatedBy, Instant updatedAt) {
}
