package ptlock.report.junit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import ptlock.check.CheckResult;
import ptlock.check.CheckStatus;
import ptlock.check.PropertyResult;
import ptlock.ir.Program;
import ptlock.ir.Verdict;
import ptlock.report.RaceRenderer;

/**
 * Check results as JUnit test suites, so that a CI server shows each property of each scenario as a test.
 *
 * <p>
 * One suite per spec file, in the order the results come; one case per property of each checked scenario, arch and
 * patch, and per engine when the same scenario was checked by more than one. The classname is
 * {@code ptlock.<spec>.<scenario>} (characters other than letters, digits, '_' and '-' become '_', because CI
 * servers split it at dots into package and class); the name is the property, then the arch, patch and engine in
 * brackets. A property the spec ignores is a skipped case with the reason.
 *
 * <p>
 * The verdict decides the outcome: the expected verdict (a violation the spec expects, too) passes; another one is a
 * failure showing the race; model_error is an error (a bug in the spec, not a finding about the kernel); unknown is
 * an error whose type is the check's status (timeout, cancelled, failed; "undecided" when the check completed). So
 * a property decided before a timeout is judged like any other.
 *
 * <p>
 * Time: the check's search time is split evenly over its properties (CI servers add up the cases' times, so the
 * suite shows the real total); skipped cases take none. Each suite's system-out lists its checks' statistics.
 */
public final class CheckJunit {
	private CheckJunit() {
	}

	public static List<JunitSuite> suites(List<CheckResult> results) {
		Map<String, Set<String>> engines = new HashMap<>();
		for (CheckResult r : results) {
			engines.computeIfAbsent(key(r.program()), k -> new HashSet<>()).add(r.engine());
		}
		RaceRenderer races = new RaceRenderer();
		Map<String, String> names = new LinkedHashMap<>();
		Map<String, List<JunitCase>> cases = new LinkedHashMap<>();
		Map<String, StringBuilder> out = new LinkedHashMap<>();
		for (CheckResult r : results) {
			Program p = r.program();
			String file = p.loc().file();
			names.putIfAbsent(file, p.spec() != null ? p.spec() : file);
			String engine = engines.get(key(p)).size() > 1 ? r.engine() : null;
			cases.computeIfAbsent(file, f -> new ArrayList<>()).addAll(cases(r, engine, races));
			out.computeIfAbsent(file, f -> new StringBuilder()).append(summary(r)).append('\n');
		}
		List<JunitSuite> suites = new ArrayList<>();
		for (String file : names.keySet()) {
			suites.add(new JunitSuite(names.get(file), cases.get(file), out.get(file).toString()));
		}
		return suites;
	}

	private static List<JunitCase> cases(CheckResult r, String engine, RaceRenderer races) {
		Program p = r.program();
		String classname = "ptlock." + identifier(p.spec()) + "." + identifier(p.scenario());
		List<JunitCase> out = new ArrayList<>();
		if (r.properties().isEmpty() && r.status() != CheckStatus.COMPLETED) {
			// nothing was decided, not even which properties exist: one error keeps the failed check visible
			out.add(new JunitCase(classname, name("check", p, engine), r.stats().millis() / 1000.0,
					new JunitCase.Error(message(r), status(r), null)));
		}
		double time = r.properties().isEmpty() ? 0 : r.stats().millis() / 1000.0 / r.properties().size();
		Set<String> checked = new HashSet<>();
		for (PropertyResult pr : r.properties()) {
			checked.add(pr.property());
			out.add(new JunitCase(classname, name(pr.property(), p, engine), time, outcome(r, pr, races)));
		}
		p.ignored().forEach((property, reason) -> {
			if (!checked.contains(property)) {
				out.add(new JunitCase(classname, name(property, p, engine), 0, new JunitCase.Skipped(reason)));
			}
		});
		return out;
	}

	/** null: passed. */
	private static JunitCase.Outcome outcome(CheckResult r, PropertyResult pr, RaceRenderer races) {
		if (pr.verdict() == Verdict.UNKNOWN) {
			String message = r.status() == CheckStatus.COMPLETED ? pr.note() : message(r);
			return new JunitCase.Error(message, status(r), pr.note());
		}
		if (pr.verdict() == Verdict.MODEL_ERROR && pr.expected() != Verdict.MODEL_ERROR) {
			return new JunitCase.Error(pr.note() != null ? pr.note() : "model error", "model_error",
					text(races.render(r.program(), pr), pr.note()));
		}
		if (!pr.asExpected()) {
			return new JunitCase.Failure("expected " + pr.expected().code() + ", got " + pr.verdict().code(),
					"unexpected_verdict", text(races.render(r.program(), pr), pr.note()));
		}
		return null;
	}

	private static String status(CheckResult r) {
		return r.status() == CheckStatus.COMPLETED ? "undecided" : r.status().name().toLowerCase(Locale.ROOT);
	}

	private static String message(CheckResult r) {
		return r.message() != null ? r.message() : "check " + r.status().name().toLowerCase(Locale.ROOT);
	}

	private static String text(String race, String note) {
		if (note == null || note.isEmpty()) {
			return race;
		}
		return race.isEmpty() ? note : race + note;
	}

	private static String name(String property, Program p, String engine) {
		StringJoiner parts = new StringJoiner(", ", " [", "]").setEmptyValue("");
		if (p.arch() != null) {
			parts.add("arch=" + p.arch());
		}
		if (p.patch() != null) {
			parts.add("patch=" + p.patch());
		}
		if (engine != null) {
			parts.add("engine=" + engine);
		}
		return property + parts;
	}

	/** One line per check: what ran and what it cost. */
	private static String summary(CheckResult r) {
		Program p = r.program();
		String line = p.title() + (p.patch() == null ? "" : " patch=" + p.patch()) + " (" + r.engine() + "): "
				+ r.status().name().toLowerCase(Locale.ROOT) + ", " + r.stats().distinctStates()
				+ " distinct states, depth " + r.stats().depth() + ", " + r.stats().millis() + " ms";
		return r.message() == null ? line : line + ": " + r.message();
	}

	private static String identifier(String s) {
		return s == null || s.isEmpty() ? "_" : s.replaceAll("[^A-Za-z0-9_-]", "_");
	}

	/** The checked program, whichever engine checked it. */
	private static String key(Program p) {
		return p.loc().file() + "\0" + p.spec() + "\0" + p.scenario() + "\0" + p.arch() + "\0" + p.patch();
	}
}
