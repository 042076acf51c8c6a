package ptlock.tla;

import java.util.List;
import java.util.Map;

/**
 * A generated TLA+ module and its TLC configuration.
 *
 * @param actions action operator name -> (thread name, step id), to map TLC traces back to .ptl lines
 * @param checked the properties this module checks (a subset of the program's)
 */
public record TlaModule(String name, String tla, String cfg, Map<String, StepRef> actions, List<String> checked,
		boolean checkDeadlock) {

	public record StepRef(String thread, int step) {
	}
}
