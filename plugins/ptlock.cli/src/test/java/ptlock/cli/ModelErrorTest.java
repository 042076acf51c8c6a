package ptlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model checks of ptlock.ir.ModelChecks on both engines. Each spec's expected outcome is reasoned from the
 * language's semantics (written next to it), and the two engines must conform on it.
 */
class ModelErrorTest {
	@TempDir
	Path dir;

	private static final String HEAD = """
			spec %s;
			const N = 2;
			var slot: 0..1[N];
			var k: 0..3;
			var q: 0..3;
			""";

	@Test
	void aGuardedIndexHasAValueBecauseAndShortCircuits() throws IOException {
		// k stays 0, so slot[k] is never evaluated: the check is 'k <= 0 || k in 1..2', true; everything holds
		Path f = spec("guarded", """
				path p() {
					if (k > 0 && slot[k] == 1)
						q = 1;
					q = 2;
				}
				""");
		for (String engine : List.of("sim", "tlc")) {
			CliRun r = check(f, engine);
			assertEquals(ExitCode.OK, r.code(), engine + ": " + r.out() + r.err());
			assertTrue(!r.out().contains("model_ok"), "model_ok is shown only when violated: " + r.out());
		}
		conforms(f);
	}

	@Test
	void aDivisionByAVariableThatIsZeroHasNoValue() throws IOException {
		// k is 0 when q = 3 / k runs: no value at line 8 (the path's second statement)
		Path f = spec("divide", """
				path p() {
					q = 1;
					q = 3 / k;
				}
				""");
		for (String engine : List.of("sim", "tlc")) {
			CliRun r = check(f, engine);
			assertEquals(ExitCode.MODEL_ERROR, r.code(), engine + ": " + r.out() + r.err());
			assertTrue(r.out().contains("divide.ptl:8:2: no value: 3 / k: a divisor other than 0"), r.out());
		}
		conforms(f);
	}

	@Test
	void aPickFromAnEmptyRangeHasNoValue() throws IOException {
		// 1..k with k == 0 is empty: the pick has no value (it would otherwise block silently, a false deadlock)
		Path f = spec("picking", """
				path p() {
					pick j in 1..k;
					q = j;
				}
				""");
		for (String engine : List.of("sim", "tlc")) {
			CliRun r = check(f, engine);
			assertEquals(ExitCode.MODEL_ERROR, r.code(), engine + ": " + r.out() + r.err());
			assertTrue(r.out().contains("picking.ptl:7:2: no value: pick from 1..k: a range that is not empty"), r.out());
		}
		conforms(f);
	}

	private Path spec(String name, String path) throws IOException {
		return CliRun.write(dir, name + ".ptl", HEAD.formatted(name) + path + """
				scenario s {
					thread cpu0 = p();
					expect others holds;
				}
				""");
	}

	private CliRun check(Path f, String engine) {
		return CliRun.of("check", f.toString(), "--engine", engine, "--quiet", "--out", dir.resolve("out").toString());
	}

	private void conforms(Path f) {
		CliRun c = CliRun.of("conform", f.toString(), "--out", dir.resolve("conform").toString());
		assertEquals(ExitCode.OK, c.code(), c.out() + c.err());
	}
}
