package vn.gems.indicators.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A batch of values from one source, written all or nothing. */
@Schema(name = "ValueBatch", example = """
        {"source":{"kind":"REPORT","reference":"submission:41:v2","agency":"TTH-DOH"},
         "values":[{"indicatorCode":"BIRTHS","unitCode":"VN-46","period":"2024","sex":"FEMALE","dimensions":{},"value":7012,"status":"FINAL"},
                   {"indicatorCode":"BIRTHS","unitCode":"VN-46","period":"2024","sex":"MALE","dimensions":{},"value":7643,"status":"FINAL"},
                   {"indicatorCode":"BIRTHS","unitCode":"VN-46","period":"2024","sex":"TOTAL","dimensions":{},"value":14655,"status":"FINAL"}]}""")
public record BatchInput(@NotNull @Valid SourceInput source, @NotEmpty List<@NotNull @Valid ValueInput> values) {
}
