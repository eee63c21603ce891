package vn.gems.reporting.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.gems.common.problem.ProblemException;
import vn.gems.reporting.PlanModel;
import vn.gems.reporting.PlanRef;
import vn.gems.reporting.mapping.PlanReader;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The plans this service knows, parsed once per version and kept in memory (documents are small). */
@ApplicationScoped
@Transactional
public class PlanStore {

    private final ObjectMapper json;
    private final Map<String, PlanModel> parsed = new ConcurrentHashMap<>();

    public PlanStore(ObjectMapper json) {
        this.json = json;
    }

    public Optional<PlanRef> ref(long planId) {
        return PlanRef.findByIdOptional(planId);
    }

    public PlanModel model(PlanRef ref) {
        if (parsed.size() > 500) {
            parsed.clear();
        }
        return parsed.computeIfAbsent(ref.planId + ":" + ref.planVersion + ":" + ref.document.hashCode(), k -> {
            try {
                return PlanReader.read(json.readTree(ref.document), ref.planId, ref.planVersion);
            } catch (IOException e) {
                throw new IllegalStateException("stored plan document unreadable", e);
            }
        });
    }

    public PlanModel require(long planId) {
        return model(ref(planId).orElseThrow(() -> ProblemException.notFound("Plan", planId)));
    }
}
