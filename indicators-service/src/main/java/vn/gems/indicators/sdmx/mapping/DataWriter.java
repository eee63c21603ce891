package vn.gems.indicators.sdmx.mapping;

import vn.gems.indicators.sdmx.service.Observation;

import java.io.IOException;

/** Writes observations as they stream from the cursor: nothing is held but the current series (one format each). */
public interface DataWriter {

    void begin() throws IOException;

    void observation(Observation o) throws IOException;

    void end() throws IOException;
}
