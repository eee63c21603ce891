package vn.gems.reporting.service;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.gems.common.problem.ProblemException;
import vn.gems.contracts.plans.Plan;
import vn.gems.reporting.PlanModel;
import vn.gems.reporting.PlanRef;
import vn.gems.reporting.mapping.ContentCodec;
import vn.gems.reporting.mapping.PlanReader;

import java.util.Optional;

/**
 * The plans this service knows: each stored plan document is parsed once per version and kept in the cache
 * {@code plan-models} (documents are small; application.properties bounds the count).
 */
@ApplicationScoped
@Transactional
public class PlanStore {

    private final ContentCodec codec;
    private final Cache parsed;

    public PlanStore(ContentCodec codec, @CacheName("plan-models") Cache parsed) {
        this.codec = codec;
        this.parsed = parsed;
    }

    public Optional<PlanRef> ref(long planId) {
        return PlanRef.findByIdOptional(planId);
    }

    public PlanModel model(PlanRef ref) {
        String document = ref.document;
        return parsed.get(ref.planId + ":" + ref.planVersion + ":" + document.hashCode(),
                k -> PlanReader.read(codec.read(document, Plan.class), ref.planId, ref.planVersion)).await().indefinitely();
    }

    public PlanModel require(long planId) {
        return model(ref(planId).orElseThrow(() -> ProblemException.notFound("Plan", planId)));
    }

    /** The text kept in {@code plan_ref.document}: plans-service's answer as this service reads it. */
    public String write(Plan plan) {
        return codec.write(plan);
    }
}
