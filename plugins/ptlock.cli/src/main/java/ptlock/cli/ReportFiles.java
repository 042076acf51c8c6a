package ptlock.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine.Option;
import ptlock.check.CheckResult;
import ptlock.report.junit.CheckJunit;
import ptlock.report.junit.JunitXml;

/** The report files a CI job asks 'ptlock check' for: JUnit XML and SARIF, each written atomically. */
final class ReportFiles {
	@Option(names = "--junit", paramLabel = "FILE", description = "also write JUnit XML: one test case per scenario x"
			+ " architecture x property; a failure is an unexpected verdict, with its race")
	Path junit;

	void write(List<CheckResult> results, List<RuleFindings.Of> findings) throws IOException {
		if (junit != null) {
			AtomicFile.write(junit, JunitXml.toXml(CheckJunit.suites(results)));
		}
	}
}
