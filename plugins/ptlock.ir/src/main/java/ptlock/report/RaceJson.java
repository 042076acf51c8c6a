package ptlock.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ptlock.report.race.Race;

/**
 * The race drawing of a counterexample as JSON ("race" next to "trace" in docs/JSON.md): the same {@link Race}
 * the CLI and Eclipse draw, for tools that show races without redoing ptlock's presentation.
 */
final class RaceJson {
	private RaceJson() {
	}

	static Map<String, Object> of(Race race) {
		if (race == null) {
			return null;
		}
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("context", race.context());
		List<Object> columns = new ArrayList<>();
		race.columns().forEach(c -> columns.add(Map.of("thread", c.thread(), "header", c.header())));
		m.put("columns", columns);
		List<Object> rows = new ArrayList<>();
		for (Race.Row r : race.rows()) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("step", r.isCall() ? null : r.number());
			row.put("thread", r.thread());
			row.put("depth", r.depth());
			row.put("text", r.text());
			row.put("outcome", r.outcome());
			row.put("location", r.loc() == null ? null : r.loc().position());
			List<Object> changes = new ArrayList<>();
			r.changes().forEach(c -> changes.add(Map.of("target", c.target(), "value", c.value())));
			row.put("changes", changes);
			row.put("failing", r.failing());
			rows.add(row);
		}
		m.put("rows", rows);
		m.put("failure", race.failure());
		m.put("notes", race.notes());
		return m;
	}
}
