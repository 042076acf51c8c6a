package ptlock.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Option;
import ptlock.check.CheckResult;
import ptlock.lang.rules.Confirmations;
import ptlock.lang.rules.RuleCatalog;
import ptlock.report.junit.CheckJunit;
import ptlock.report.junit.JunitXml;
import ptlock.report.sarif.SarifFinding;
import ptlock.report.sarif.SarifWriter;

/** The report files a CI job asks 'ptlock check' for: JUnit XML and SARIF, each written atomically. */
final class ReportFiles {
	@Option(names = "--junit", paramLabel = "FILE", description = "also write JUnit XML: one test case per scenario x"
			+ " architecture x property; a failure is an unexpected verdict, with its race")
	Path junit;
	@Option(names = "--sarif", paramLabel = "FILE", description = "also write SARIF 2.1.0: each violated or"
			+ " unexpected property at its failing statement with the race as one thread flow per CPU, and the"
			+ " static rules' warnings")
	Path sarif;

	void write(List<CheckResult> results, List<RuleFindings.Of> findings) throws IOException {
		if (junit != null) {
			AtomicFile.write(junit, JunitXml.toXml(CheckJunit.suites(results)));
		}
		if (sarif != null) {
			AtomicFile.write(sarif, new SarifWriter(Version.ptlock(), null).write(results, sarifFindings(findings),
					RuleCatalog.sarifRules()));
		}
	}

	/**
	 * One SARIF result per rule and statement: the scenarios that run a path report its warning each, and a code
	 * scanning page should show it once, with every scenario and confirming property.
	 */
	private static List<SarifFinding> sarifFindings(List<RuleFindings.Of> findings) {
		Map<List<Object>, SarifFinding> out = new LinkedHashMap<>();
		for (RuleFindings.Of of : findings) {
			String scenario = of.result().program().title();
			// the statement a counterexample step shows is the one a confirmed warning is about
			Confirmations.of(of.findings(), of.result()).forEach((f, by) -> out.merge(
					List.of(f.code(), f.site(), f.message()),
					new SarifFinding(f.code(), f.message(), f.site(), confirmed(scenario, by), scenario),
					(a, b) -> new SarifFinding(a.ruleId(), a.message(), a.location(), union(a.confirmedBy(),
							b.confirmedBy()), a.scenario() + ", " + b.scenario())));
		}
		return new ArrayList<>(out.values());
	}

	private static List<String> confirmed(String scenario, List<String> properties) {
		return properties.stream().map(p -> scenario + ": " + p).toList();
	}

	private static List<String> union(List<String> a, List<String> b) {
		List<String> u = new ArrayList<>(a);
		b.stream().filter(x -> !u.contains(x)).forEach(u::add);
		return u;
	}
}
