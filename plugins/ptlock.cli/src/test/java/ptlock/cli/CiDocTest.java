package ptlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonParser;

/**
 * docs/CI.md's job, exactly as written there: the block between its markers runs with bash, from a copy of specs/,
 * with a 'ptlock' on the PATH that runs this build's command line. The seed specs check as expected, so it exits 0
 * and leaves valid reports, and nothing but its reports and the model it imports.
 */
class CiDocTest {
	@TempDir
	Path dir;

	static String script() throws IOException {
		String doc = Files.readString(CliRun.root().resolve("docs/CI.md"));
		Matcher m = Pattern.compile("(?s)<!-- ci-example:begin -->\\s*```sh\\n(.*?)```\\s*<!-- ci-example:end -->")
				.matcher(doc);
		assertTrue(m.find(), "docs/CI.md has the marked example");
		return m.group(1);
	}

	@Test
	void theDocumentedJobRunsAndWritesValidReports() throws Exception {
		CliRun.copySpecs(dir);
		Path bin = Files.createDirectories(dir.resolve("bin"));
		Path ptlock = bin.resolve("ptlock");
		String java = ProcessHandle.current().info().command().orElse("java");
		Files.writeString(ptlock, "#!/bin/sh\nexec '" + java + "' " + (Runtime.version().feature() >= 23
				? "--sun-misc-unsafe-memory-access=allow " : "") + "-cp '" + System.getProperty("java.class.path")
				+ "' ptlock.cli.Main \"$@\"\n");
		ptlock.toFile().setExecutable(true);
		Path job = Files.writeString(Files.createDirectories(dir.resolve("job")).resolve("ptlock.sh"), script());
		ProcessBuilder pb = new ProcessBuilder("bash", job.toString()).directory(dir.toFile())
				.redirectErrorStream(true).redirectOutput(dir.resolve("job/log.txt").toFile());
		pb.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
		Process p = pb.start();
		boolean done = p.waitFor(10, TimeUnit.MINUTES);
		if (!done) {
			p.descendants().forEach(ProcessHandle::destroyForcibly);
			p.destroyForcibly();
		}
		String log = Files.readString(dir.resolve("job/log.txt"));
		assertTrue(done, "the job ends: " + log);
		assertEquals(0, p.exitValue(), log);

		Path reports = dir.resolve("reports");
		for (String junit : List.of("matrix.xml", "retract_vs_fault.xml", "jann_reuse.xml")) {
			JunitReportTest.validate(reports.resolve(junit));
		}
		for (String sarif : List.of("retract_vs_fault.sarif", "jann_reuse.sarif")) {
			assertEquals(List.of(), SarifReportTest.schemaErrors(reports.resolve(sarif)), sarif);
		}
		assertEquals(2, JsonParser.parseString(Files.readString(reports.resolve("matrix.json"))).getAsJsonObject()
				.get("schemaVersion").getAsInt());
		assertTrue(Files.readString(reports.resolve("matrix.html")).contains("<table"));
		// the import writes the model the spec includes: the same model as the one shipped
		assertEquals(Files.readString(CliRun.root().resolve("specs/series/mm-free-retracted-page-table-by-rcu.xmi")),
				Files.readString(dir.resolve("specs/series/mm-free-retracted-page-table-by-rcu.xmi")));
		try (var top = Files.list(dir)) {
			assertEquals(List.of("bin", "job", "reports", "specs"),
					top.map(x -> x.getFileName().toString()).sorted().toList(), "nothing else in the working folder");
		}
		try (var all = Files.list(reports)) {
			assertEquals(7, all.count(), "three JUnit, two SARIF, the matrix's JSON and HTML: no temporary file left");
		}
	}
}
