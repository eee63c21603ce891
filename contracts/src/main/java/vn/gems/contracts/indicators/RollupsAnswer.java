package vn.gems.contracts.indicators;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** The roll-ups asked for, in the order asked. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RollupsAnswer(List<Rollup> results) {

    public RollupsAnswer {
        results = results == null ? List.of() : results;
    }
}
