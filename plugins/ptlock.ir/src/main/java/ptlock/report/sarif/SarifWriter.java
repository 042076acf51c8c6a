package ptlock.report.sarif;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ptlock.check.CheckResult;
import ptlock.check.CheckStatus;
import ptlock.report.Json;

/**
 * Writes a SARIF 2.1.0 log of one ptlock run, for CI (GitHub code scanning and other SARIF viewers):
 * <ul>
 * <li>each property whose verdict is violated or a model error, or is not the verdict the spec expects, is a result
 * (see {@link PropertyResults}); one per scenario and property, however many engines checked it;</li>
 * <li>a violated property's result is at the statement of the counterexample's last step and has one codeFlow, the
 * race, with one threadFlow per CPU ({@link RaceFlow});</li>
 * <li>each static-rule finding is a result of level "warning" with its rule's code as ruleId;</li>
 * <li>driver.rules holds the catalogue given, then a rule for each property (ptlock.property.NAME) and for model
 * errors ({@value PropertyRules#MODEL_ERROR}) that some result refers to.</li>
 * </ul>
 * Stateless: one writer can write any number of logs.
 */
public final class SarifWriter {
	/** The schema the log declares (the $id of the OASIS SARIF 2.1.0 schema). */
	public static final String SCHEMA = "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json";
	public static final String TOOL = "ptlock";

	private final String version;
	private final String informationUri;

	/**
	 * @param version ptlock's version, as driver.version
	 * @param informationUri where to learn about ptlock (absolute), or null
	 */
	public SarifWriter(String version, String informationUri) {
		if (informationUri != null && !SarifRule.absolute(informationUri)) {
			throw new IllegalArgumentException("informationUri must be an absolute URI: " + informationUri);
		}
		this.version = version;
		this.informationUri = informationUri;
	}

	/** The log as JSON text (UTF-8 when written to a file), ending in a newline. */
	public String write(List<CheckResult> results, List<SarifFinding> findings, List<SarifRule> catalogue) {
		return Json.write(log(results, findings, catalogue)) + "\n";
	}

	/** The log as a tree of maps and lists ({@link Json#write} writes it). */
	public Map<String, Object> log(List<CheckResult> results, List<SarifFinding> findings,
			List<SarifRule> catalogue) {
		Map<String, SarifRule> rules = new LinkedHashMap<>();
		catalogue.forEach(r -> rules.putIfAbsent(r.id(), r));
		List<Checked> reported = Checked.group(results).stream().filter(Checked::reported).toList();
		for (Checked c : reported) {
			String id = PropertyResults.ruleId(c);
			if (!rules.containsKey(id)) {
				rules.put(id, c.modelError() ? PropertyRules.modelError() : PropertyRules.of(c.program(), c.property()));
			}
		}
		for (SarifFinding f : findings) {
			// a result's rule must be in driver.rules: a code the catalogue lacks still gets a (bare) rule
			rules.putIfAbsent(f.ruleId(), new SarifRule(f.ruleId(), null, f.ruleId(), null, null));
		}
		List<String> index = new ArrayList<>(rules.keySet());
		List<Object> out = new ArrayList<>();
		for (Checked c : reported) {
			out.add(PropertyResults.result(c, index.indexOf(PropertyResults.ruleId(c))));
		}
		for (SarifFinding f : findings) {
			out.add(FindingResults.result(f, index.indexOf(f.ruleId())));
		}
		List<Object> ruleObjects = new ArrayList<>();
		for (SarifRule r : rules.values()) {
			ruleObjects.add(rule(r, modelChecking(r) ? "error" : "warning"));
		}
		Map<String, Object> driver = Tree.obj("name", TOOL, "version", version, "informationUri", informationUri,
				"rules", ruleObjects);
		Map<String, Object> run = Tree.obj("tool", Tree.obj("driver", driver), "invocations",
				List.of(invocation(results)), "columnKind", "utf16CodeUnits", "results", out);
		return Tree.obj("$schema", SCHEMA, "version", "2.1.0", "runs", List.of(run));
	}

	private static boolean modelChecking(SarifRule r) {
		return r.id().startsWith(PropertyRules.PREFIX) || r.id().equals(PropertyRules.MODEL_ERROR);
	}

	/** Static rules warn, model-checking rules fail the build: the model checker is the judge. */
	private static Map<String, Object> rule(SarifRule r, String level) {
		return Tree.obj("id", r.id(), "name", r.name(), "shortDescription", Tree.text(r.shortDescription()),
				"fullDescription", Tree.text(r.help()), "help", Tree.text(r.help()), "helpUri", r.helpUri(),
				"defaultConfiguration", Tree.obj("level", level));
	}

	/** Successful when every check completed; a check that failed, timed out or was cancelled is a notification. */
	private static Map<String, Object> invocation(List<CheckResult> results) {
		List<Object> notes = new ArrayList<>();
		for (CheckResult c : results) {
			if (c.status() != CheckStatus.COMPLETED) {
				String status = c.status().name().toLowerCase(Locale.ROOT);
				notes.add(Tree.obj("level", c.status() == CheckStatus.FAILED ? "error" : "warning", "message",
						Tree.text("scenario " + c.program().title() + " (" + c.engine() + "): " + status
								+ (c.message() == null || c.message().isBlank() ? "" : ": " + c.message()))));
			}
		}
		return Tree.obj("executionSuccessful", notes.isEmpty(), "toolExecutionNotifications",
				notes.isEmpty() ? null : notes);
	}
}
