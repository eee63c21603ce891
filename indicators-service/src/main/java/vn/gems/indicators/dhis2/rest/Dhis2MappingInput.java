package vn.gems.indicators.dhis2.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * A DHIS2 mapping: which data element and category option combo is which indicator, sex and dimensions, and which
 * DHIS2 organisation unit (UID or code, as the export's idScheme writes it) is which administrative unit.
 * A combo left out matches any combo of the data element (DHIS2's "default"); exports then omit it. ADX documents
 * name categories instead of combos: {@code categoryOptions}.
 */
@Schema(name = "Dhis2MappingInput", example = """
        {"name":"HMIS Thừa Thiên Huế — sinh và tử vong mẹ","dataSet":"QX4ZTUbOt3a",
         "dataElements":[{"dataElement":"h0xKKjijTdI","categoryOptionCombo":"hEFKSsPV5et","indicator":"BIRTHS","sex":"FEMALE"},
                         {"dataElement":"h0xKKjijTdI","categoryOptionCombo":"V6L425pT3A0","indicator":"BIRTHS","sex":"MALE"},
                         {"dataElement":"QkBH6ZbRvLX","indicator":"MATERNAL_MORTALITY_RATIO"}],
         "orgUnits":[{"orgUnit":"ImspTQPwCqd","unit":"VN-46"}]}""")
public record Dhis2MappingInput(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 50) String dataSet,
        @NotNull @Size(min = 1, max = 5000) List<@Valid @NotNull Element> dataElements,
        @NotNull @Size(min = 1, max = 20000) List<@Valid @NotNull OrgUnit> orgUnits) {

    /** DHIS2 identifiers: UIDs (11 characters) or codes. */
    static final String ID = "[A-Za-z0-9_.\\-]{1,50}";

    /**
     * One mapped value: {@code categoryOptionCombo} for dataValueSets JSON; {@code categoryOptions} (category code →
     * option code, the attributes of an ADX data value such as {@code SEX="F"}) for ADX.
     */
    public record Element(@NotBlank @Pattern(regexp = ID) String dataElement, @Pattern(regexp = ID) String categoryOptionCombo,
                          @Size(max = 10) Map<@NotBlank @Pattern(regexp = ID) String, @NotBlank @Pattern(regexp = ID) String> categoryOptions,
                          @NotBlank @Size(max = 60) String indicator, @Size(max = 10) String sex,
                          @Size(max = 10) Map<@NotBlank @Size(max = 40) String, @NotBlank @Size(max = 60) String> dimensions) {
    }

    public record OrgUnit(@NotBlank @Pattern(regexp = ID) String orgUnit, @NotBlank @Size(max = 40) String unit) {
    }
}
