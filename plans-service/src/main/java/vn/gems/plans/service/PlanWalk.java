package vn.gems.plans.service;

import vn.gems.plans.rest.Measure;
import vn.gems.plans.rest.Objective;
import vn.gems.plans.rest.PlanDocument;
import vn.gems.plans.rest.Target;

import java.util.function.BiConsumer;

/**
 * The objectives → targets → measures walk, written once: each item in document order with the JSON path that
 * names it in problems ({@code objectives[0].targets[1].measures[2]}). Null items are skipped (bean validation
 * reports them).
 */
final class PlanWalk {

    /** What to do with each item; implement only what you need. */
    interface Visitor {
        default void objective(String at, Objective objective) {
        }

        default void target(String at, Target target) {
        }

        default void measure(String at, Measure measure) {
        }
    }

    private PlanWalk() {
    }

    static void walk(PlanDocument doc, Visitor visitor) {
        for (int i = 0; i < doc.objectives().size(); i++) {
            Objective o = doc.objectives().get(i);
            if (o == null) {
                continue;
            }
            String oAt = "objectives[" + i + "]";
            visitor.objective(oAt, o);
            for (int j = 0; j < o.targets().size(); j++) {
                Target t = o.targets().get(j);
                if (t == null) {
                    continue;
                }
                String tAt = oAt + ".targets[" + j + "]";
                visitor.target(tAt, t);
                if (t.measures() == null) {
                    continue;
                }
                for (int k = 0; k < t.measures().size(); k++) {
                    Measure m = t.measures().get(k);
                    if (m != null) {
                        visitor.measure(tAt + ".measures[" + k + "]", m);
                    }
                }
            }
        }
    }

    /** Only the measures. */
    static void measures(PlanDocument doc, BiConsumer<String, Measure> action) {
        walk(doc, new Visitor() {
            @Override
            public void measure(String at, Measure measure) {
                action.accept(at, measure);
            }
        });
    }
}
