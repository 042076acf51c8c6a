package ptlock.ui.check;

import java.nio.file.Path;
import java.util.List;

import ptlock.check.CheckResult;
import ptlock.lang.matrix.Matrix;
import ptlock.service.Outcome;

/**
 * What one check from Eclipse found: the results of every scenario (a check), or the verdict matrix of a series.
 *
 * @param outcome what became of the run: the check service's stable {@link Outcome} code
 */
public record CheckRun(Path spec, List<CheckResult> results, Matrix matrix, Outcome outcome, String message) {
}
