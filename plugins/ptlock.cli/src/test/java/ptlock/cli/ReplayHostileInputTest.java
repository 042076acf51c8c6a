package ptlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * replay and diff-matrix given files that crashed them, made them loop, or were accepted: one located line on
 * stderr and exit 64 (what a malformed file gave before), never a stack trace.
 */
class ReplayHostileInputTest {
	@TempDir
	Path dir;

	/** A real check result with counterexamples (jann_reuse case b). */
	private String check;

	private static String jann() {
		return CliRun.root().resolve("specs/seed/jann_reuse.ptl").toString();
	}

	@BeforeEach
	void saveACheckResult() {
		CliRun r = CliRun.of("check", jann(), "--scenario", "b_pte_free", "--json", "--out", dir.toString());
		assertEquals(ExitCode.OK, r.code(), r.err());
		check = r.out();
	}

	private Path file(String name, String text) throws IOException {
		Path f = dir.resolve(name);
		Files.writeString(f, text);
		return f;
	}

	/** Runs the command and returns its one line on stderr, after checking the exit code and that it is one line. */
	private static String rejected(String... args) {
		CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.of(args));
		assertEquals(ExitCode.USAGE, r.code(), r.out() + r.err());
		assertEquals(1, r.err().lines().count(), r.err());
		assertTrue(r.out().isEmpty(), r.out());
		return r.err().strip();
	}

	private String replayRejects(String text) throws IOException {
		Path f = file("r.json", text);
		return rejected("replay", jann(), f.toString()).replace(f.toString(), "r.json");
	}

	private String tampered(String from, String to) {
		String s = check.replaceFirst(from, to);
		assertTrue(!s.equals(check), "the test changed the file: " + from);
		return s;
	}

	@Test
	void syntaxErrorsAreLocatedByLineAndColumn() throws IOException {
		assertEquals("r.json:1:3: $: unterminated escape sequence", replayRejects("\"\\"));
		assertEquals("r.json:1:4: $: unterminated escape sequence", replayRejects("\"\\u12\""));
		assertEquals("r.json:1:66: $" + "[0]".repeat(64) + ": nested deeper than 64 levels",
				replayRejects("[".repeat(10_000) + "]".repeat(10_000)));
		assertEquals("r.json:1:16: $.results[0]: unexpected end of the file", replayRejects("{ \"results\": [ "));
	}

	@Test
	void nullTheWrongDocumentAndAnUnknownVersion() throws IOException {
		assertEquals("r.json: $: expected a check result ('ptlock check --json'), got null", replayRejects("null"));
		assertEquals("r.json: $: this is a matrix diff ('ptlock diff-matrix --json'), not a check result ('ptlock"
				+ " check --json')", replayRejects("{\"schemaVersion\": 1, \"flips\": []}"));
		assertEquals("r.json: $.schemaVersion: schema version 7 is not one this ptlock reads (it reads 2)",
				replayRejects(tampered("\"schemaVersion\": 2", "\"schemaVersion\": 7")));
		// version 1 wrote state values as TLA+ text
		assertEquals("r.json: $.schemaVersion: written by an older ptlock (schemaVersion 1); run 'ptlock check"
				+ " --json' again", replayRejects(tampered("\"schemaVersion\": 2", "\"schemaVersion\": 1")));
	}

	@Test
	void wrongTypesEmptyTracesAndMalformedStates() throws IOException {
		assertEquals("r.json: $.results[0].scenario: expected a string, got an array",
				replayRejects(tampered("\"scenario\": \"b_pte_free\"", "\"scenario\": [\"b_pte_free\"]")));
		assertEquals("r.json: $.results[0].properties[2].trace: an empty trace (a counterexample has at least its"
				+ " initial state)", replayRejects(tampered("\"trace\": \\[(?s).*?\\n          \\]",
						"\"trace\": []")));
		String tstate = "\"tstate\": \\[\\s*\"Live\"\\s*\\]";
		assertEquals("r.json: $.results[0].properties[2].trace[0].state.tstate[0]: expected a TLA+ value (an integer,"
				+ " true or false, a string, an array, a record object or {\"$set\": [...]}), got null",
				replayRejects(tampered(tstate, "\"tstate\": [null]")));
		assertEquals("r.json: $.results[0].properties[2].trace[0].state.tstate[\"$set\"][1]: a set's integers are in"
				+ " ascending order, as TLC prints them: 1 after 2",
				replayRejects(tampered(tstate, "\"tstate\": {\"\\$set\": [2, 1]}")));
		assertEquals("r.json: $.results[0].properties[2].trace[0].state.tstate[0]: expected an integer (TLA+ values"
				+ " here have no fractions), got the number 0.5", replayRejects(tampered(tstate, "\"tstate\": [0.5]")));
		// the TLA+ text version 1 wrote is now a string value: well formed, but not the state (a string, not a tuple)
		Path f = file("r.json", tampered(tstate, "\"tstate\": \"<<]>>\""));
		CliRun r = CliRun.of("replay", jann(), f.toString());
		assertEquals(ExitCode.UNEXPECTED_VERDICT, r.code(), r.out() + r.err());
	}

	@Test
	void aTraceThroughAThreadTheSpecLacksDoesNotReplay() throws IOException {
		Path f = file("r.json", tampered("\"thread\": \"cpu0\"", "\"thread\": \"cpu9\""));
		CliRun r = CliRun.of("replay", jann(), f.toString());
		assertEquals(ExitCode.UNEXPECTED_VERDICT, r.code(), r.out() + r.err());
		assertTrue(r.out().contains("does NOT replay (36 steps; the scenario has no thread cpu9)"), r.out());
	}

	@Test
	void aMissingFileIsAFileErrorAsBefore() {
		CliRun r = CliRun.of("replay", jann(), dir.resolve("none.json").toString());
		assertEquals(ExitCode.CHECKER_FAILURE, r.code(), r.err());
		assertEquals("ptlock: " + dir.resolve("none.json") + ": no such file or directory", r.err().strip());
	}

	@Test
	void diffMatrixRejectsACheckResultAndAnOldMatrix() throws IOException {
		Path c = file("c.json", check);
		Path old = file("old.json", "{\"spec\": \"m\", \"order\": [], \"archs\": [], \"rows\": []}");
		assertEquals(c + ": $: this is a check result ('ptlock check --json'), not a matrix ('ptlock matrix --json')",
				rejected("diff-matrix", c.toString(), c.toString()));
		assertEquals(old + ": $: no \"schemaVersion\" (written by a ptlock older than schema version 1? write it"
				+ " again)", rejected("diff-matrix", old.toString(), old.toString()));
	}
}
