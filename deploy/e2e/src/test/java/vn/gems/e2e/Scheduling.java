package vn.gems.e2e;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

import java.util.Comparator;
import java.util.List;

/**
 * The order the end-to-end classes run in: by name, with {@link #SLOW} (the classes that restart services or load
 * thousands of units) last. That is scheduling only, so that a failure in the quick ones shows early: every class
 * sets up what it asserts, and none depends on another having run before or after it. The classes that write values
 * do so under an indicator of their own (the access matrix's {@code MX_…}, created by {@link MatrixFixtures}) or, as
 * TTH-DOH, for Huế years no demo file holds (BOLA, property level), so a push of the demo data by another agency is
 * never refused as {@code OWNED_BY_OTHER_AGENCY}.
 */
public class Scheduling implements ClassOrderer {

    static final List<String> SLOW = List.of("HostileInputFuzzTest", "CommitteesScaleE2eTest", "DatabaseRestartE2eTest",
            "ReplicasE2eTest", "ReplicasMailE2eTest");

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparing(Scheduling::slow).thenComparing(d -> d.getTestClass().getSimpleName()));
    }

    private static boolean slow(ClassDescriptor d) {
        return SLOW.contains(d.getTestClass().getSimpleName());
    }
}
