package vn.gems.indicators.dhis2.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A DHIS2 {@code dataValueSets} document as GEMS writes it: published final values only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Dhis2DataValueSet", example = """
        {"dataSet":"QX4ZTUbOt3a","period":"2025","dataValues":[
         {"dataElement":"h0xKKjijTdI","period":"2025","orgUnit":"ImspTQPwCqd","categoryOptionCombo":"hEFKSsPV5et","value":"7000"},
         {"dataElement":"h0xKKjijTdI","period":"2025","orgUnit":"ImspTQPwCqd","categoryOptionCombo":"V6L425pT3A0","value":"7700"}]}""")
public record DataValueSet(String dataSet, String period, List<DataValue> dataValues) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DataValue(String dataElement, String period, String orgUnit, String categoryOptionCombo, String value) {
    }
}
