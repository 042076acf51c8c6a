package ptlock.report;

import ptlock.check.PropertyResult;
import ptlock.ir.Program;
import ptlock.report.race.Race;
import ptlock.report.race.RaceBuilder;
import ptlock.report.race.RaceText;

/**
 * A counterexample as text (the CLI, JUnit failures, the HTML matrix): the {@link Race} of the result rendered by
 * {@link RaceText} at a width.
 */
public final class RaceRenderer {
	private final RaceText text;

	public RaceRenderer() {
		this(RaceText.DEFAULT_WIDTH);
	}

	public RaceRenderer(int width) {
		this.text = new RaceText(width);
	}

	public String render(Program program, PropertyResult result) {
		Race race = new RaceBuilder(program).build(result);
		return race == null ? "" : text.render(race);
	}

	/** The race with its context first (a matrix cell: the scenario, patch prefix and architecture). */
	public String render(Program program, PropertyResult result, String context) {
		Race race = new RaceBuilder(program).build(result, context);
		return race == null ? "" : race.context() + "\n" + text.render(race);
	}
}
