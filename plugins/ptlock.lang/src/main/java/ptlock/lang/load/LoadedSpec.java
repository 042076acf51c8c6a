package ptlock.lang.load;

import java.util.List;

import ptlock.lang.ptlock.Model;
import ptlock.lang.ptlock.Scenario;

/** A parsed spec with everything it includes, and the problems found in them. */
public record LoadedSpec(Model main, List<Model> models, List<Issue> issues) {

	public boolean hasErrors() {
		return issues.stream().anyMatch(i -> i.severity() == Issue.Severity.ERROR);
	}

	public List<Scenario> scenarios() {
		return main.getElements().stream().filter(Scenario.class::isInstance).map(Scenario.class::cast).toList();
	}
}
