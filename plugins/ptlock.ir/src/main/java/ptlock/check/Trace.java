package ptlock.check;

import java.util.List;

/** A behaviour that violates a property: the initial state and each step after it. */
public record Trace(List<TraceStep> steps) {
}
