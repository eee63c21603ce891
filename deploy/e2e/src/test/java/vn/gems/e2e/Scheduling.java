package vn.gems.e2e;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

import java.util.Comparator;
import java.util.List;

/**
 * The order the end-to-end classes run in, for scheduling only: by name, except the slow ones that restart services
 * or load thousands of units, which run last so that a failure in the quick ones shows early. No class depends on
 * another having run (or not run) before it: each sets up the data it asserts, and none writes where another counts.
 */
public class Scheduling implements ClassOrderer {

    static final List<String> LAST = List.of("HostileInputFuzzTest", "CommitteesScaleE2eTest", "DatabaseRestartE2eTest",
            "ReplicasE2eTest", "ReplicasMailE2eTest");

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparingInt((ClassDescriptor d) -> LAST.indexOf(d.getTestClass().getSimpleName()))
                .thenComparing(d -> d.getTestClass().getSimpleName()));
    }
}
