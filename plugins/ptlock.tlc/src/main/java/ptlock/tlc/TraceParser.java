package ptlock.tlc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ptlock.check.Trace;
import ptlock.check.TraceStep;
import ptlock.tla.TlaModule;

/** Turns TLC's state messages (code 2217) into a trace of ptlock steps, using the module's action names. */
final class TraceParser {
	private static final Pattern HEADER = Pattern.compile("^\\d+: <([^ >]+)[^>]*>.*$");

	private TraceParser() {
	}

	static Trace parse(List<ToolMessage> states, TlaModule module) {
		List<TraceStep> steps = new ArrayList<>();
		for (ToolMessage m : states) {
			String[] lines = m.body().split("\n");
			Matcher h = HEADER.matcher(lines[0]);
			String action = h.matches() ? h.group(1) : "";
			TlaModule.StepRef ref = module.actions().get(action);
			Map<String, String> values = values(lines);
			steps.add(ref == null ? new TraceStep(null, 0, values) : new TraceStep(ref.thread(), ref.step(), values));
		}
		return new Trace(steps);
	}

	/** "/\ name = value" lines; a value may continue on the following lines. */
	static Map<String, String> values(String[] lines) {
		Map<String, String> values = new LinkedHashMap<>();
		String name = null;
		StringBuilder value = new StringBuilder();
		for (int i = 1; i < lines.length; i++) {
			String l = lines[i];
			String body = l.startsWith("/\\ ") ? l.substring(3) : null;
			if (body == null && name == null && l.contains(" = ")) {
				body = l; // a single variable is printed without /\
			}
			if (body != null) {
				if (name != null) {
					values.put(name, value.toString().strip());
				}
				int eq = body.indexOf(" = ");
				name = body.substring(0, eq).strip();
				value.setLength(0);
				value.append(body.substring(eq + 3));
			} else if (name != null) {
				value.append(' ').append(l.strip());
			}
		}
		if (name != null) {
			values.put(name, value.toString().strip());
		}
		return values;
	}
}
