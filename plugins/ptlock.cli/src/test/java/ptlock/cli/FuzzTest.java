package ptlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In-process fuzz of the command line with a fixed seed: mutated specs (check), mutated result JSON (replay). Any
 * crash, stack trace, unlocated spec error, exit code outside the documented ones, hang past its limit, or
 * disagreement between the engines on a mutant that still runs fails the test with the mutant that did it. The
 * importer has its own fuzz (MboxHostileTest). A longer run: -Dptlock.fuzz.cases=20000 (docs/TESTING.md).
 */
class FuzzTest {
	private static final long SEED = 20261202L;
	private static final int CASES = Integer.getInteger("ptlock.fuzz.cases", 300);
	/** mutants that still run, compared on both engines (each costs a few TLC runs) */
	private static final int CONFORM = Integer.getInteger("ptlock.fuzz.conform", 1);

	/** what a spec error line must look like: located, with its stable code */
	private static final Pattern LOCATED = Pattern.compile("^\\S+:\\d+:\\d+: (error|warning): .+ \\[[\\w.-]+\\]$");
	private static final Set<ExitCode> CHECK_CODES = EnumSet.of(ExitCode.OK, ExitCode.UNEXPECTED_VERDICT,
			ExitCode.SPEC_ERROR, ExitCode.TIMEOUT, ExitCode.MODEL_ERROR);
	/** tokens the mutations insert: brackets, operators, and numbers at the edges of the types */
	private static final String[] TOKENS = { "(", ")", "{", "}", "[", "]", ";", "=", "==", "!", "+", "*", "/ 0", "% 0",
			"0", "1", "7", "-1", "2147483647", "99999999999", "65536 * 65536", "N", "self", "pmd", "x", "if (", "while (",
			"goto l;", "return;", "return 1;", "break;", "\"", "//", "/*", "\uFEFF", "\u0000", "é" };
	private static final String[] NUMBERS = { "0", "1", "2", "3", "7", "-1", "2147483647", "65536 * 65536", "N + 5" };

	@TempDir
	Path dir;

	@Test
	void mutatedSpecsGetAVerdictOrALocatedError() throws IOException {
		List<String> bases = List.of(read("plugins/ptlock.lang/src/test/resources/golden/golden.ptl"),
				read("plugins/ptlock.lang/src/test/resources/golden/jumps.ptl"), SMALL);
		Files.copy(CliRun.root().resolve("specs/prelude.ptl"), dir.resolve("prelude.ptl"));
		Random rnd = new Random(SEED);
		List<Path> runnable = new ArrayList<>();
		for (int i = 0; i < CASES; i++) {
			String base = bases.get(i % bases.size());
			String mutant = mutate(base, rnd, 1 + rnd.nextInt(3));
			Path f = dir.resolve("m" + i + ".ptl");
			Files.writeString(f, mutant);
			CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(30),
					() -> CliRun.of("check", f.toString(), "--quiet", "--timeout", "3"), () -> "hangs: " + f);
			String why = problem(r);
			if (why != null) {
				fail(why + " on mutant " + i + " (seed " + SEED + "):\n" + mutant + "\n--- out:\n" + r.out() + "\n--- err:\n"
						+ r.err());
			}
			if (r.code() != ExitCode.SPEC_ERROR && r.code() != ExitCode.TIMEOUT && !mutant.equals(base)
					&& runnable.size() < CONFORM && i % 7 == 0) {
				runnable.add(f);
			}
		}
		for (Path f : runnable) {
			CliRun c = assertTimeoutPreemptively(Duration.ofSeconds(120),
					() -> CliRun.of("conform", f.toString(), "--out", dir.resolve("conform").toString()));
			assertEquals(ExitCode.OK, c.code(), "the engines disagree on " + f + ":\n" + Files.readString(f) + "\n"
					+ c.out() + c.err());
		}
	}

	@Test
	void mutatedResultFilesAreReadOrRefusedInOneLine() throws IOException {
		Path spec = CliRun.write(dir, "small.ptl", SMALL);
		CliRun saved = CliRun.of("check", spec.toString(), "--json");
		assertTrue(saved.out().contains("\"schemaVersion\""), saved.out());
		String json = saved.out();
		Random rnd = new Random(SEED);
		for (int i = 0; i < CASES * 3 / 10; i++) {
			String mutant = mutateJson(json, rnd);
			Path f = dir.resolve("r" + i + ".json");
			Files.writeString(f, mutant);
			CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> CliRun.of("replay", spec.toString(),
					f.toString()), () -> "hangs on " + f);
			String all = r.out() + r.err();
			boolean ok = EnumSet.of(ExitCode.OK, ExitCode.UNEXPECTED_VERDICT, ExitCode.USAGE).contains(r.code())
					&& !all.contains("\tat ") && !all.contains("internal error");
			if (r.code() == ExitCode.USAGE && !r.err().startsWith(f.toString())) {
				ok = false; // a refused file is one line that names it
			}
			if (!ok) {
				fail("replay of mutant " + i + " (seed " + SEED + ") gave " + r.code() + ":\n" + mutant + "\n---\n" + all);
			}
		}
	}

	/** What is wrong with a run of check, or null. */
	private static String problem(CliRun r) {
		String all = r.out() + r.err();
		if (!CHECK_CODES.contains(r.code())) {
			return "exit code " + r.code();
		}
		if (all.contains("\tat ") || all.contains("Exception") || all.contains("internal error")) {
			return "a stack trace or an internal error";
		}
		if (all.contains("check failed")) {
			return "the checker failed";
		}
		if (r.code() == ExitCode.SPEC_ERROR) {
			boolean any = false;
			for (String line : r.err().split("\n")) {
				if (line.contains(": error: ")) {
					any = true;
					if (!LOCATED.matcher(line).matches() || line.matches("^\\S+:0:\\d+: .*")) {
						return "an unlocated error line '" + line + "'";
					}
				}
			}
			if (!any) {
				return "a spec error without a message";
			}
		}
		return null;
	}

	private static String mutate(String text, Random rnd, int times) {
		String t = text;
		for (int k = 0; k < times; k++) {
			List<String> lines = new ArrayList<>(List.of(t.split("\n", -1)));
			int at = rnd.nextInt(lines.size());
			switch (rnd.nextInt(6)) {
			case 0 -> lines.remove(at);
			case 1 -> lines.add(at, lines.get(at));
			case 2 -> {
				int j = Math.min(lines.size() - 1, at + 1);
				String x = lines.get(at);
				lines.set(at, lines.get(j));
				lines.set(j, x);
			}
			case 3 -> lines.set(at, cut(lines.get(at), rnd));
			case 4 -> lines.set(at, insert(lines.get(at), TOKENS[rnd.nextInt(TOKENS.length)], rnd));
			default -> lines.set(at, lines.get(at).replaceFirst("\\b\\d+\\b", NUMBERS[rnd.nextInt(NUMBERS.length)]));
			}
			t = String.join("\n", lines);
		}
		return t;
	}

	private static String mutateJson(String json, Random rnd) {
		String[] bits = { "{", "}", "[", "]", "\"", ",", ":", "\\", "\\u12", "null", "1e999", "-", "0", "true",
				"\"schemaVersion\": 1,", "\"trace\": [],", "{\"$set\": [", "\"$set\"", "1.5", "{}", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[" };
		String t = json;
		for (int k = 0, n = 1 + rnd.nextInt(3); k < n; k++) {
			int at = rnd.nextInt(t.length());
			int len = rnd.nextInt(Math.min(8, t.length() - at) + 1);
			t = rnd.nextBoolean() ? t.substring(0, at) + t.substring(at + len)
					: t.substring(0, at) + bits[rnd.nextInt(bits.length)] + t.substring(at);
		}
		return t;
	}

	private static String cut(String line, Random rnd) {
		if (line.isEmpty()) {
			return line;
		}
		int at = rnd.nextInt(line.length());
		int len = 1 + rnd.nextInt(Math.min(5, line.length() - at));
		return line.substring(0, at) + line.substring(at + len);
	}

	private static String insert(String line, String token, Random rnd) {
		int at = line.isEmpty() ? 0 : rnd.nextInt(line.length() + 1);
		return line.substring(0, at) + " " + token + " " + line.substring(at);
	}

	private static String read(String path) throws IOException {
		return Files.readString(CliRun.root().resolve(path));
	}

	/** A spec on the prelude that runs quickly: a write through an index, a lock, a pick, a division. */
	private static final String SMALL = CliRun.onPrelude("small", """
			var slot: 0..2[2];
			var k: 0..3;
			path writer(n) {
				var i: 1..2;
				spin_lock(1);
				pick j in 1..2 where slot[j] == 0;
				i = j;
				slot[i] = n;
				k = (k + n) % 3;
				spin_unlock(1);
			}
			scenario s {
				thread cpu0 = writer(1);
				thread cpu1 = writer(2);
				expect others holds;
			}
			""");
}
