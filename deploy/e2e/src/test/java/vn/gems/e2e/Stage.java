package vn.gems.e2e;

/**
 * A step of a story that several tests build on (a plan issued, reports accepted, …): run once, by whichever test
 * needs it first, so that no test depends on the order the tests run in. A step that failed is not run again: every
 * test that needs it fails with the step's own failure as the cause.
 */
final class Stage {

    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    private final String name;
    private final Step step;
    private boolean done;
    private Throwable failure;

    Stage(String name, Step step) {
        this.name = name;
        this.step = step;
    }

    /** Runs the step unless it has run; afterwards it has succeeded, or this throws. */
    synchronized void reach() throws Exception {
        if (failure != null) {
            throw new AssertionError("the stage '" + name + "' failed earlier", failure);
        }
        if (done) {
            return;
        }
        try {
            step.run();
            done = true;
        } catch (Exception | Error e) {
            failure = e;
            throw e;
        }
    }
}
