package ptlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import org.junit.jupiter.api.Test;

import ptlock.ir.Program;

/**
 * The models 'ptlock bench' measures exist: each spec loads and has the named scenario (a renamed scenario made the
 * benchmark stop with a spec error before any number). The measurement itself is not a test (docs/BENCHMARKS.md).
 */
class BenchModelsTest {
	@Test
	void everyBenchmarkModelLoads() {
		for (String[] m : BenchCommand.MODELS) {
			ByteArrayOutputStream err = new ByteArrayOutputStream();
			Program p = BenchCommand.program(CliRun.root().resolve(m[0]), m[1], new PrintStream(err));
			assertNotNull(p, m[0] + " " + m[1] + ": " + err);
			assertEquals(m[1], p.scenario());
		}
	}
}
