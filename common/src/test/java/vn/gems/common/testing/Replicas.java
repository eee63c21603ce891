package vn.gems.common.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs what several replicas would do at the same moment: one thread each, released together, answers in order. */
public final class Replicas {

    private Replicas() {
    }

    public static <T> List<T> together(List<Callable<T>> replicas) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(replicas.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> runs = new ArrayList<>();
            for (Callable<T> r : replicas) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return r.call();
                }));
            }
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> f : runs) {
                answers.add(f.get(90, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The same task on {@code n} replicas at once. */
    public static <T> List<T> together(int n, Callable<T> task) throws Exception {
        List<Callable<T>> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add(task);
        }
        return together(tasks);
    }
}
