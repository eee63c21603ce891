package vn.gems.indicators;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A test class that writes figures other classes also write (the same indicator, unit and period) runs on a
 * database of its own: a profile of its own restarts the application, and the test resource makes a fresh database
 * at every start. The classes after it start afresh too, so none depends on what ran before it.
 */
public class OwnDatabase implements QuarkusTestProfile {
}
