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

	private String nonemptyDetach() {
		return CliRun.root().resolve("specs/seed/nonempty_detach.ptl").toString();
	}

	/*
	 * Case d (a read fault that ignores the page lock) maps into the table in a window of khugepaged's that is
	 * several steps wide, so random runs find it. (Jann's case b needs khugepaged's whole unmap-detach-free sequence
	 * to run between two steps of the fault: a random walk practically never schedules that; exhaustive search does.)
	 */
	@Test
	void aSeedReproducesTheRunsAndTheyFindCaseD() {
		CliRun a = CliRun.of("simulate", nonemptyDetach(), "--scenario", "d_fault_ignoring_page_lock", "--seed", "7",
				"--runs", "200");
		CliRun b = CliRun.of("simulate", nonemptyDetach(), "--scenario", "d_fault_ignoring_page_lock", "--seed", "7",
				"--runs", "200");
		assertEquals(ExitCode.OK, a.code(), a.err());
		assertEquals(a.out(), b.out(), "the same seed gives the same runs");
		assertTrue(a.out().contains("detached_tables_empty violated in run"), a.out());
		// case c (the kernel: the fault waits for the page lock) holds: random runs find nothing there
		CliRun ok = CliRun.of("simulate", nonemptyDetach(), "--scenario", "c_page_lock_excludes_fault", "--seed",
				"7", "--runs", "200");
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
		// a state the spec cannot reach: the first state's table already detached (khugepaged has not run yet)
		String tampered = check.out().replaceFirst("\"tstate\": \\[\\s*\"Live\"\\s*\\]",
				"\"tstate\": [\"Detached\"]");
		assertTrue(!tampered.equals(check.out()), "the test changed a state");
		Files.writeString(json, tampered);
		CliRun bad = CliRun.of("replay", jann(), json.toString());
		assertEquals(ExitCode.UNEXPECTED_VERDICT, bad.code(), bad.out());
		assertTrue(bad.out().contains("does NOT replay"), bad.out());
		Files.writeString(json, "{ \"results\": [ ");
		assertEquals(ExitCode.USAGE, CliRun.of("replay", jann(), json.toString()).code());
	}
}
