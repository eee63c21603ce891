package vn.gems.contracts.plans;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** Who submits under a rule: a mode and the agencies listed. A mode this side does not know yet reads as null. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Submitters(@JsonFormat(with = JsonFormat.Feature.READ_UNKNOWN_ENUM_VALUES_AS_NULL) SubmitterMode mode,
                         List<String> agencies) {

    public Submitters {
        agencies = agencies == null ? List.of() : agencies;
    }
}
