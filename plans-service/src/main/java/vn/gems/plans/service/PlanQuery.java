package vn.gems.plans.service;

import vn.gems.plans.PlanKind;
import vn.gems.plans.PlanStatus;

/** Filters of a plan search; null means "any". */
public record PlanQuery(String unit, String agency, Integer year, PlanKind kind, PlanStatus status, String text, Long parent) {
}
