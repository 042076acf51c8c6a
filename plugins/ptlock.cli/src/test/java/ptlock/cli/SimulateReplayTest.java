package ptlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Random simulation (reproducible by its seed) and replay of saved counterexamples. */
class SimulateReplayTest {
	@TempDir
	Path dir;

	private String jann() {
		return CliRun.root().resolve("specs/seed/jann_reuse.ptl").toString();
	}

	@Test
	void aSeedReproducesTheRunsAndTheyFindCaseB() {
		CliRun a = CliRun.of("simulate", jann(), "--scenario", "b_pte_free", "--seed", "7", "--runs", "200");
		CliRun b = CliRun.of("simulate", jann(), "--scenario", "b_pte_free", "--seed", "7", "--runs", "200");
		assertEquals(ExitCode.OK, a.code(), a.err());
		assertEquals(a.out(), b.out(), "the same seed gives the same runs");
		assertTrue(a.out().contains("no_use_after_free violated in run"), a.out());
		// case a holds: random runs find nothing there
		CliRun ok = CliRun.of("simulate", jann(), "--scenario", "a_end_of_series", "--seed", "7", "--runs", "200");
		assertTrue(ok.out().contains(", 0 violation(s)"), ok.out());
	}

	@Test
	void savedCounterexamplesReplayAndATamperedOneDoesNot() throws IOException {
		CliRun check = CliRun.of("check", jann(), "--scenario", "b_pte_free", "--json", "--out", dir.toString());
		assertEquals(ExitCode.OK, check.code(), check.err());
		Path json = dir.resolve("result.json");
		Files.writeString(json, check.out());
		CliRun r = CliRun.of("replay", jann(), json.toString());
		assertEquals(ExitCode.OK, r.code(), r.out() + r.err());
		assertTrue(r.out().contains("the counterexample for no_rw_in_ro_mapping replays"), r.out());
		// a state the spec cannot reach: the last step's tstate changed
		String tampered = check.out().replaceFirst("\"tstate\": \"<<\\\\\"Live\\\\\", \\\\\"Free\\\\\">>\"",
				"\"tstate\": \"<<\\\\\"Detached\\\\\", \\\\\"Detached\\\\\">>\"");
		assertTrue(!tampered.equals(check.out()), "the test changed a state");
		Files.writeString(json, tampered);
		CliRun bad = CliRun.of("replay", jann(), json.toString());
		assertEquals(ExitCode.UNEXPECTED_VERDICT, bad.code(), bad.out());
		assertTrue(bad.out().contains("does NOT replay"), bad.out());
		Files.writeString(json, "{ \"results\": [ ");
		assertEquals(ExitCode.USAGE, CliRun.of("replay", jann(), json.toString()).code());
	}
}
