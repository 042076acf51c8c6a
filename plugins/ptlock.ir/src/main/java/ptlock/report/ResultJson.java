package ptlock.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ptlock.check.CheckResult;
import ptlock.check.PropertyResult;
import ptlock.check.TraceStep;
import ptlock.ir.Step;
import ptlock.report.json.DocumentKind;
import ptlock.report.json.TlaJson;

/**
 * The JSON form of check results (verdict kinds and statuses are the stable lower-case codes), as
 * docs/schema/check-result.schema.json describes it.
 */
public final class ResultJson {
	private ResultJson() {
	}

	/** The whole 'ptlock check --json' document: the schema version first, the results, the rules' findings. */
	public static Map<String, Object> document(List<CheckResult> results, List<?> findings) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("schemaVersion", DocumentKind.SCHEMA_VERSION);
		m.put("results", results.stream().map(ResultJson::of).toList());
		m.put("findings", findings);
		return m;
	}

	public static Map<String, Object> of(CheckResult r) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("spec", r.program().spec());
		m.put("scenario", r.program().scenario());
		m.put("arch", r.program().arch());
		m.put("patch", r.program().patch());
		m.put("ignored", r.program().ignored());
		m.put("file", r.program().loc().file());
		m.put("engine", r.engine());
		m.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
		m.put("message", r.message());
		m.put("distinctStates", r.stats().distinctStates());
		m.put("depth", r.stats().depth());
		if (r.stats().reduction() != null) {
			m.put("reduction", r.stats().reduction());
		}
		m.put("millis", r.stats().millis());
		List<Object> props = new ArrayList<>();
		for (PropertyResult p : r.properties()) {
			Map<String, Object> pm = new LinkedHashMap<>();
			pm.put("property", p.property());
			pm.put("verdict", p.verdict().code());
			pm.put("expected", p.expected() == null ? null : p.expected().code());
			pm.put("asExpected", p.asExpected());
			if (p.trace() != null) {
				List<Object> steps = new ArrayList<>();
				for (TraceStep s : p.trace().steps()) {
					Map<String, Object> sm = new LinkedHashMap<>();
					sm.put("thread", s.thread());
					if (s.thread() != null) {
						Step st = r.program().thread(s.thread()).step(s.step());
						sm.put("step", s.step());
						sm.put("code", st.label());
						sm.put("location", st.loc().position());
					}
					sm.put("state", state(s.values()));
					steps.add(sm);
				}
				pm.put("trace", steps);
				pm.put("race", RaceJson.of(new ptlock.report.race.RaceBuilder(r.program()).build(p)));
			}
			props.add(pm);
		}
		m.put("properties", props);
		return m;
	}

	/** Each variable's value as JSON (TlaJson): the engines give text, which no reader should have to parse. */
	private static Map<String, Object> state(Map<String, String> values) {
		Map<String, Object> out = new LinkedHashMap<>();
		values.forEach((name, text) -> {
			try {
				out.put(name, TlaJson.toJson(text));
			} catch (IllegalArgumentException e) {
				throw new IllegalStateException(name + " = " + text + ": " + e.getMessage(), e);
			}
		});
		return out;
	}
}
