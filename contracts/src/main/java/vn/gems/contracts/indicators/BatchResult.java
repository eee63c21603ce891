package vn.gems.contracts.indicators;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What a batch did: values accepted, of which changed (inserted or updated) and unchanged (identical). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BatchResult(long accepted, long changed, long unchanged) {
}
