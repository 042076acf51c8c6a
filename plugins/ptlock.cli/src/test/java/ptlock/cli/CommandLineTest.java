package ptlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The conventional command line: help, version, completion, and usage errors that say what is closest. */
class CommandLineTest {
	private static final String[] COMMANDS = { "check", "conform", "matrix", "diff-matrix", "import", "simulate",
			"replay", "bench", "tla" };

	@Test
	void helpListsEveryCommandAndTheExitCodes() {
		for (String[] args : new String[][] { { "--help" }, { "-h" }, { "help" } }) {
			CliRun r = CliRun.of(args);
			assertEquals(ExitCode.OK, r.code(), r.err());
			for (String c : COMMANDS) {
				assertTrue(r.out().contains("\n  " + c + " "), c + " in:\n" + r.out());
			}
			assertTrue(r.out().contains("64  bad command line"), r.out());
			assertTrue(r.err().isEmpty(), r.err());
		}
	}

	@Test
	void eachCommandHasItsOwnHelpBothWays() {
		for (String c : COMMANDS) {
			CliRun a = CliRun.of(c, "--help");
			CliRun b = CliRun.of("help", c);
			assertEquals(ExitCode.OK, a.code(), c + ": " + a.err());
			assertEquals(ExitCode.OK, b.code(), c + ": " + b.err());
			assertTrue(a.out().startsWith("Usage: ptlock " + c), a.out());
			assertEquals(a.out(), b.out(), "the same help for " + c);
		}
		String check = CliRun.of("check", "--help").out();
		for (String o : new String[] { "--engine", "--scenario", "--json", "--junit", "--sarif", "--timeout",
				"--heap", "--out" }) {
			assertTrue(check.contains(o), o + " in:\n" + check);
		}
	}

	@Test
	void versionNamesPtlockAndTheTlcItBundles() {
		CliRun r = CliRun.of("--version");
		assertEquals(ExitCode.OK, r.code(), r.err());
		assertTrue(r.out().matches("(?s)ptlock \\d+\\.\\d+\\.\\d+\\S*\n.*"), "a version number first: " + r.out());
		assertTrue(r.out().contains("TLC Version 2."), r.out());
		assertEquals(r.out(), CliRun.of("check", "--version").out(), "every command answers --version alike");
	}

	@Test
	void aMistypedOptionOrCommandIsAUsageErrorWithTheClosestMatch() {
		CliRun opt = CliRun.of("check", "x.ptl", "--jsno");
		assertEquals(ExitCode.USAGE, opt.code());
		assertTrue(opt.err().contains("Unknown option: '--jsno'") && opt.err().contains("--json"), opt.err());
		assertTrue(opt.err().contains("see 'ptlock check --help'"), opt.err());
		assertTrue(opt.out().isEmpty(), "stdout stays clean: " + opt.out());
		CliRun cmd = CliRun.of("chekc", "x.ptl");
		assertEquals(ExitCode.USAGE, cmd.code());
		assertTrue(cmd.err().contains("Did you mean: ptlock check"), cmd.err());
		CliRun none = CliRun.of();
		assertEquals(ExitCode.USAGE, none.code());
		assertTrue(none.err().contains("a command is needed") && none.err().contains("Commands:"), none.err());
	}

	@Test
	void badValuesAndMissingOrExtraArgumentsAreUsageErrors() {
		for (String[] args : new String[][] { { "check" }, { "check", "a.ptl", "b.ptl" },
				{ "check", "x.ptl", "--workers", "-1" }, { "check", "x.ptl", "--heap", "lots" },
				{ "check", "x.ptl", "--timeout" }, { "replay", "x.ptl" }, { "help", "frobnicate" } }) {
			CliRun r = CliRun.of(args);
			assertEquals(ExitCode.USAGE, r.code(), String.join(" ", args) + ": " + r.err());
			assertTrue(r.err().startsWith("ptlock: "), r.err());
			assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
		}
		assertTrue(CliRun.of("check", "x.ptl", "--workers", "-1").err().contains("non-negative"));
	}

	@Test
	void shellCompletionIsGeneratedFromTheCommands() {
		CliRun r = CliRun.of("generate-completion");
		assertEquals(ExitCode.OK, r.code(), r.err());
		assertTrue(r.out().startsWith("#!/usr/bin/env bash"), r.out());
		assertTrue(r.out().contains("complete -F _complete_ptlock"), "a bash completion function");
		assertTrue(r.out().contains("--engine") && r.out().contains("(\"sim\" \"tlc\" \"both\")"), "the engines complete");
		assertTrue(r.out().contains("diff-matrix"), "every command completes");
	}
}
