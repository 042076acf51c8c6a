package ptlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check --symmetry and conform --symmetry, as a user runs them. */
class SymmetryCliTest {
	@TempDir
	Path work;

	/**
	 * Two identical threads take a lock whose holder is a thread id, then drop it. States (pc a, pc b, holder): 8
	 * (both holding is excluded); up to exchanging the threads, renaming the holder with them, 5.
	 */
	private Path lockSpec() throws IOException {
		Path spec = work.resolve("lock.ptl");
		Files.writeString(spec, """
				spec lock;
				var owner: thread;
				path critical() {
					atomic {
						await(owner == 0);
						owner = self;
					}
					owner = 0;
				}
				scenario two "two identical threads" {
					thread a = critical();
					thread b = critical();
					expect others holds;
				}
				""");
		return spec;
	}

	@Test
	void checkSaysWhichThreadsItExchangedAndCountsTheOrbits() throws IOException {
		CliRun r = CliRun.of("check", lockSpec().toString(), "--symmetry", "--quiet");
		assertEquals(ExitCode.OK, r.code(), r.out() + r.err());
		assertTrue(r.out().contains("  5 distinct states"), r.out());
		assertTrue(r.out().contains("  symmetry: a, b interchangeable (states counted up to exchanging them)"), r.out());
		CliRun full = CliRun.of("check", lockSpec().toString(), "--quiet");
		assertTrue(full.out().contains("  8 distinct states"), full.out());
		assertTrue(!full.out().contains("symmetry"), full.out());
		CliRun json = CliRun.of("check", lockSpec().toString(), "--symmetry", "--json");
		assertTrue(json.out().contains("\"reduction\": \"symmetry: a, b interchangeable"), json.out());
	}

	@Test
	void conformComparesTheReducedSearchWithTheFullOne() throws IOException {
		CliRun r = CliRun.of("conform", lockSpec().toString(), "--symmetry", "--out", work.resolve("tlc").toString());
		assertEquals(ExitCode.OK, r.code(), r.out() + r.err());
		assertTrue(r.out().contains("states sim      8 tlc      8  conformant"), r.out());
		assertTrue(r.out().contains("    up to symmetry 5 states, 1.6x fewer: symmetry: a, b interchangeable"), r.out());
	}
}
