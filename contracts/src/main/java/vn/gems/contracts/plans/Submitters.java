package vn.gems.contracts.plans;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * Who submits under a rule: a mode and the agencies listed (EXPLICIT: the list; other modes: extra required
 * submitters); {@code unit} and {@code level} for UNIT_COMMITTEES, {@code body} for BODY_MEMBERS; {@code invited}
 * agencies report apart and never count in completeness. A mode this side does not know yet reads as null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Submitters(@JsonFormat(with = JsonFormat.Feature.READ_UNKNOWN_ENUM_VALUES_AS_NULL) SubmitterMode mode,
                         List<String> agencies, String unit, String level, String body, List<String> invited) {

    public Submitters {
        agencies = agencies == null ? List.of() : agencies;
        invited = invited == null ? List.of() : invited;
    }

    public Submitters(SubmitterMode mode, List<String> agencies) {
        this(mode, agencies, null, null, null, List.of());
    }
}
