package vn.gems.e2e;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

import java.util.Comparator;
import java.util.List;

/**
 * The order the end-to-end classes run in: by name, then two groups after the rest.
 * <ul>
 *   <li>{@link #WRITERS}, the suites that write over the demo's shared reference figures, after the others. This is
 *   the one order that still matters, and it is named here rather than hidden in numbers: the access matrix writes
 *   WAGE_WORKERS for Huế as TTH-DOLISA, and a figure another agency reported is never overwritten by a push
 *   ({@code OWNED_BY_OTHER_AGENCY}), so the statistics office's demo CSV that {@code IndicatorsE2eTest} and
 *   {@code Dhis2E2eTest} push would be refused (422). Every other class sets up what it asserts.</li>
 *   <li>{@link #SLOW}, the classes that restart services or load thousands of units, last: scheduling only, so that
 *   a failure in the quick ones shows early.</li>
 * </ul>
 */
public class Scheduling implements ClassOrderer {

    static final List<String> WRITERS = List.of("AccessMatrixE2eTest", "BolaE2eTest", "PropertyLevelE2eTest");
    static final List<String> SLOW = List.of("HostileInputFuzzTest", "CommitteesScaleE2eTest", "DatabaseRestartE2eTest",
            "ReplicasE2eTest", "ReplicasMailE2eTest");

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparingInt(Scheduling::group).thenComparing(d -> d.getTestClass().getSimpleName()));
    }

    private static int group(ClassDescriptor d) {
        String name = d.getTestClass().getSimpleName();
        return SLOW.contains(name) ? 2 : WRITERS.contains(name) ? 1 : 0;
    }
}
