package ptlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's exit codes and output forms. */
class CliTest {
	@TempDir
	Path dir;

	private Path seed() {
		return CliRun.root().resolve("specs/seed/retract_vs_fault.ptl");
	}

	@Test
	void seedChecksAsExpectedAndPrintsTheRace() {
		CliRun r = CliRun.of("check", seed().toString(), "--engine", "tlc", "--out", dir.toString());
		assertEquals(ExitCode.OK, r.code(), r.err());
		assertTrue(r.out().contains("no_use_after_free      VIOLATED  as expected"), r.out());
		assertTrue(r.out().contains("cpu0: handle_pte_fault(1)"), r.out());
		assertTrue(r.out().contains("cpu1: khugepaged(1)"), r.out());
		assertTrue(r.out().matches("(?s).*retract_page_tables\\(s = 1\\)\n.*free_retracted\\(pmd_pgtable\\(pgt_pmd\\)\\);.*"),
				"the free is a step of the race, under the call it belongs to: " + r.out());
		assertTrue(r.out().contains("0 unexpected: all as expected"), r.out());
		assertTrue(r.err().contains("TLC run 1 of free_immediately"), "progress on stderr: " + r.err());
		assertTrue(r.out().contains("(tlc)"), r.out());
	}

	@Test
	void theSimulatorIsTheDefaultEngineAndBothAgree() {
		CliRun sim = CliRun.of("check", seed().toString(), "--scenario", "free_immediately", "--out", dir.toString());
		assertEquals(ExitCode.OK, sim.code(), sim.err());
		assertTrue(sim.out().contains("(sim)"), sim.out());
		assertTrue(sim.out().contains("no_use_after_free      VIOLATED  as expected"), sim.out());
		assertTrue(sim.out().contains("orig = ptep_get_lockless(pte);"), "the race is drawn: " + sim.out());
		CliRun both = CliRun.of("check", seed().toString(), "--engine", "both", "--scenario", "free_immediately",
				"--out", dir.toString());
		assertEquals(ExitCode.OK, both.code(), both.err());
		assertTrue(both.out().contains("(sim)") && both.out().contains("(tlc)"), both.out());
		assertEquals(ExitCode.USAGE, CliRun.of("check", seed().toString(), "--engine", "spin").code());
	}

	@Test
	void wrongExpectationGivesExitCode1() throws IOException {
		// a copy of the specs tree in which the seed spec expects the wrong verdict
		CliRun.copySpecs(dir);
		Path f = dir.resolve("specs/seed/retract_vs_fault.ptl");
		Files.writeString(f, Files.readString(f).replaceFirst("expect no_use_after_free violated;",
				"expect no_use_after_free holds;"));
		CliRun r = CliRun.of("check", f.toString(), "--scenario", "free_immediately", "--out", dir.toString());
		assertEquals(ExitCode.UNEXPECTED_VERDICT, r.code(), r.out() + r.err());
		assertEquals(ExitCode.UNEXPECTED_VERDICT, CliRun.of("check", f.toString(), "--engine", "tlc", "--scenario",
				"free_immediately", "--out", dir.toString()).code());
		assertTrue(r.out().contains("UNEXPECTED (expected holds)"), r.out());
	}

	@Test
	void specErrorGivesExitCode2WithFileLineColumn() throws IOException {
		Path f = CliRun.write(dir, "bad.ptl", "spec bad;\nconst N = ;\n");
		CliRun r = CliRun.of("check", f.toString(), "--out", dir.toString());
		assertEquals(ExitCode.SPEC_ERROR, r.code());
		assertTrue(r.err().contains("bad.ptl:2:11: error:"), r.err());
		assertTrue(r.err().contains("[ptlock.syntax]"), r.err());
	}

	@Test
	void unknownScenarioIsASpecError() {
		CliRun r = CliRun.of("check", seed().toString(), "--scenario", "nope", "--out", dir.toString());
		assertEquals(ExitCode.SPEC_ERROR, r.code());
		assertTrue(r.err().contains("no scenario named 'nope'"), r.err());
	}

	@Test
	void usageErrorsGiveExitCode64() {
		assertEquals(ExitCode.USAGE, CliRun.of().code());
		assertEquals(ExitCode.USAGE, CliRun.of("frobnicate").code());
		assertEquals(ExitCode.USAGE, CliRun.of("check").code());
		assertEquals(ExitCode.USAGE, CliRun.of("check", "x.ptl", "--workers", "many").code());
		assertEquals(ExitCode.USAGE, CliRun.of("check", "x.ptl", "--bogus").code());
		assertEquals(ExitCode.OK, CliRun.of("help").code());
	}

	@Test
	void jsonOutputCarriesVerdictCodesAndTheTrace() {
		CliRun r = CliRun.of("check", seed().toString(), "--json", "--scenario", "free_immediately", "--out",
				dir.toString());
		assertEquals(ExitCode.OK, r.code(), r.err());
		String json = r.out();
		assertTrue(json.startsWith("{"), json);
		assertTrue(json.contains("\"verdict\": \"violated\""), json);
		assertTrue(json.contains("\"code\": \"orig = ptep_get_lockless(pte);\""), json);
		assertTrue(json.contains("\"status\": \"completed\""), json);
		assertTrue(r.err().isEmpty(), "--json is quiet on stderr: " + r.err());
	}

	@Test
	void timeoutGivesExitCode4AndLeavesNoProcess() throws IOException {
		Path f = CliRun.write(dir, "big.ptl", CliRun.MANY_STATES);
		long before = ProcessHandle.current().descendants().count();
		CliRun r = CliRun.of("check", f.toString(), "--engine", "tlc", "--timeout", "2", "--quiet", "--out",
				dir.toString());
		assertEquals(ExitCode.TIMEOUT, r.code(), r.out() + r.err());
		assertTrue(r.out().contains("check timeout"), r.out());
		assertTrue(r.out().contains("UNKNOWN"), r.out());
		assertEquals(before, ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count(),
				"the TLC JVM was killed");
		CliRun sim = CliRun.of("check", f.toString(), "--timeout", "1", "--quiet", "--out", dir.toString());
		assertEquals(ExitCode.TIMEOUT, sim.code(), sim.out() + sim.err());
	}

	@Test
	void theTimeoutBoundsTheWholeCommandNotEachScenario() throws IOException {
		// three scenarios of 400^3 states each: the first uses the whole limit, so the other two start past it and
		// report the time limit having explored at most their initial state (before, each had its own 2 s)
		String three = CliRun.MANY_STATES.replace("scenario many_states", "scenario first") + CliRun.MANY_STATES
				.substring(CliRun.MANY_STATES.indexOf("scenario many_states")).replace("many_states", "second")
				+ CliRun.MANY_STATES.substring(CliRun.MANY_STATES.indexOf("scenario many_states"))
						.replace("many_states", "third");
		Path f = CliRun.write(dir, "three.ptl", three);
		CliRun r = CliRun.of("check", f.toString(), "--timeout", "2", "--json");
		assertEquals(ExitCode.TIMEOUT, r.code(), r.err());
		com.google.gson.JsonArray results = com.google.gson.JsonParser.parseString(r.out()).getAsJsonObject()
				.getAsJsonArray("results");
		assertEquals(3, results.size());
		assertTrue(results.get(0).getAsJsonObject().get("distinctStates").getAsLong() > 1000, r.out());
		for (int i = 1; i < 3; i++) {
			com.google.gson.JsonObject later = results.get(i).getAsJsonObject();
			assertEquals("timeout", later.get("status").getAsString(), r.out());
			assertTrue(later.get("distinctStates").getAsLong() <= 1, "scenario " + (i + 1) + " ran past the limit: "
					+ r.out());
		}
	}

	@Test
	void twoTlcChecksWithOneOutFolderEachGetTheirOwnFolderAndNothingGoesToTheCurrentOne() throws IOException {
		Path out = dir.resolve("out");
		Path f = CliRun.root().resolve("plugins/ptlock.lang/src/test/resources/golden/golden.ptl");
		for (int i = 0; i < 2; i++) {
			CliRun r = CliRun.of("check", f.toString(), "--engine", "tlc", "--quiet", "--out", out.toString());
			assertEquals(ExitCode.OK, r.code(), "run " + (i + 1) + ": " + r.out() + r.err());
		}
		assertTrue(Files.isDirectory(out.resolve("golden__two")), "the first check's folder");
		assertTrue(Files.isDirectory(out.resolve("golden__two-2")), "the second check's folder");
		// without --out: a temporary folder, removed afterwards; ptlock-out/ is not created where ptlock runs
		Path cwdOut = Path.of("ptlock-out");
		boolean existed = Files.exists(cwdOut);
		CliRun r = CliRun.of("check", f.toString(), "--engine", "tlc", "--quiet");
		assertEquals(ExitCode.OK, r.code(), r.out() + r.err());
		assertEquals(existed, Files.exists(cwdOut), "nothing written to the current directory");
	}

	@Test
	void aForLoopInsideAStepRunsEachIterationOnce() throws IOException {
		// a counter over y[1..3] with y[1] and y[3] set counts 2; the lowering once ran iteration k of a step's
		// 'for' k times (each iteration went on with the rest of the loop, and then the loop went on again), which
		// both engines shared, so only a test of the count itself shows it
		Path f = CliRun.write(dir, "loop.ptl", CliRun.onPrelude("loop", """
				property counted "the loop counted each set flag once";
				var x: 0..20;
				var y: bool[3];
				init {
					y[1] = true;
					y[3] = true;
				}
				path count() {
					atomic "for (c in 1..3) if (y[c]) x++;" {
						for (c in 1..3) {
							if (y[c])
								x = x + 1;
						}
					}
					assert(x == 2) as counted;
				}
				scenario s {
					thread cpu0 = count();
					expect others holds;
				}
				"""));
		CliRun r = CliRun.of("check", f.toString(), "--engine", "both", "--quiet", "--out", dir.toString());
		assertEquals(ExitCode.OK, r.code(), r.out() + r.err());
	}

	@Test
	void aThreadWithNoStepIsDoneOnBothEngines() throws IOException {
		// a path that folds away entirely (tlb_remove_table_sync_one() without RCU table freeing is an empty inline)
		// is a thread that has finished: TLC once started it at a pc with no action and reported a deadlock
		Path f = CliRun.write(dir, "empty.ptl", CliRun.onPrelude("empty", """
				const ON = 0;
				path maybe() {
					if (ON == 1)
						pmd[1] = 0;
				}
				path other() {
					pmd[1] = 1;
				}
				scenario s {
					thread cpu0 = maybe();
					thread cpu1 = other();
					expect others holds;
				}
				"""));
		CliRun r = CliRun.of("check", f.toString(), "--engine", "both", "--quiet", "--out", dir.toString());
		assertEquals(ExitCode.OK, r.code(), r.out() + r.err());
		assertTrue(r.out().contains("all as expected"), r.out());
	}

	@Test
	void emptyAndTooDeepSpecsAreLocatedErrorsWithoutAStackTrace() throws IOException {
		Path empty = CliRun.write(dir, "empty.ptl", "// only a comment\n");
		CliRun e = CliRun.of("check", empty.toString(), "--quiet", "--out", dir.toString());
		assertEquals(ExitCode.SPEC_ERROR, e.code(), e.out() + e.err());
		assertTrue(e.err().contains("empty.ptl:1:1: error: the file holds no spec") && e.err().contains(
				"[ptlock.empty-spec]"), e.err());
		// Xtext's parser recurses per nesting level: thousands of parentheses overflow its stack
		Path deep = CliRun.write(dir, "deep.ptl", "spec deep;\ninclude \"prelude.ptl\";\nconst X = "
				+ "(".repeat(5000) + "1" + ")".repeat(5000) + ";\n");
		CliRun d = CliRun.of("check", deep.toString(), "--json", "--out", dir.toString());
		assertEquals(ExitCode.SPEC_ERROR, d.code(), d.out() + d.err());
		assertTrue(d.err().contains("deep.ptl:1:1: error: the spec nests too deeply") && d.err().contains(
				"[ptlock.too-deep]"), d.err());
		assertTrue(d.out().isEmpty() && !d.err().contains("\tat "), "no stack trace, nothing on stdout: " + d.out()
				+ d.err());
	}

	@Test
	void aFileErrorNamesTheFileAndTheReason() throws IOException {
		Path notADir = Files.writeString(dir.resolve("plain-file"), "x");
		CliRun r = CliRun.of("tla", seed().toString(), "--out", notADir.resolve("sub").toString());
		assertEquals(ExitCode.CHECKER_FAILURE, r.code(), r.out() + r.err());
		assertTrue(r.err().startsWith("ptlock: " + notADir), r.err());
		// the JDK's reason ("Not a directory") or ptlock's for the exception class: a reason, not only the path
		assertTrue(r.err().toLowerCase(java.util.Locale.ROOT).contains(": not a directory"), r.err());
	}

	@Test
	void aReadWithNoValueIsAModelErrorOnBothEngines() throws IOException {
		// pte[pmd[1]] with pmd[1] == 0 (no table yet): table 0 is outside pte's 1..N_TABLES, on the first step
		Path f = CliRun.write(dir, "outside.ptl", CliRun.onPrelude("outside", """
				path reader() {
					var v: Pte;
					v = pte[pmd[1]];
				}
				scenario s {
					thread cpu0 = reader();
					expect others holds;
				}
				"""));
		for (String engine : List.of("sim", "tlc")) {
			CliRun r = CliRun.of("check", f.toString(), "--engine", engine, "--quiet", "--out", dir.toString());
			assertEquals(ExitCode.MODEL_ERROR, r.code(), engine + ": " + r.out() + r.err());
			assertTrue(r.out().contains("model_ok") && r.out().contains("model_error"), engine + ": " + r.out());
			assertTrue(r.out().contains("outside.ptl:8:2: no value") && r.out().contains("pte[pmd[1]]: index in 1..1"),
					engine + ": " + r.out());
			// no_deadlock held everywhere the model has a value, which is not everywhere: not decided
			assertTrue(r.out().contains("no_deadlock") && r.out().contains("unknown"), engine + ": " + r.out());
		}
	}

	@Test
	void aWriteOutsideItsArrayIsAModelErrorOnBothEnginesAndTheyConform() throws IOException {
		// TLC on its own drops [slot EXCEPT ![3] = 1] silently: slot has 2 elements. Expected: step 1 sets k = 3
		// (inside 0..3), step 2 has no value; 3 states (initial, after step 1, the error state) on both engines
		Path f = CliRun.write(dir, "writes.ptl", CliRun.onPrelude("writes", """
				var slot: 0..1[2];
				var k: 0..3;
				path writer() {
					k = k + 3;
					slot[k] = 1;
				}
				scenario s {
					thread cpu0 = writer();
					expect others holds;
				}
				"""));
		CliRun both = CliRun.of("check", f.toString(), "--engine", "both", "--quiet", "--out", dir.toString());
		assertEquals(ExitCode.MODEL_ERROR, both.code(), both.out() + both.err());
		assertTrue(both.out().contains("writes.ptl:10:2: no value") && both.out().contains("slot[k]: index in 1..2"), both.out());
		assertFalse(both.err().contains("disagree"), both.err());
		CliRun conform = CliRun.of("conform", f.toString(), "--out", dir.resolve("conform").toString());
		assertEquals(ExitCode.OK, conform.code(), conform.out() + conform.err());
		assertTrue(conform.out().matches("(?s).*states sim +3 tlc +3 .*"), conform.out());
	}

	@Test
	void tlaCommandWritesModuleAndConfig() throws IOException {
		CliRun r = CliRun.of("tla", seed().toString(), "--out", dir.toString());
		assertEquals(ExitCode.OK, r.code(), r.err());
		Path tla = dir.resolve("retract_vs_fault__free_deferred.tla");
		assertTrue(Files.readString(tla).contains("cpu0_s3 =="), "one action per step");
		assertTrue(Files.readString(dir.resolve("retract_vs_fault__free_deferred.cfg")).contains("INVARIANT"));
	}
}
