package ptlock.cli;

import java.util.ArrayList;

import ptlock.service.Engine;

/** The values --engine takes, for the help text and shell completion. */
final class EngineNames extends ArrayList<String> {
	private static final long serialVersionUID = 1L;

	EngineNames() {
		super(Engine.codes());
	}
}
