package ptlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator running out of heap is a verdict-less result with a message, not a crash: ptlock in its own JVM with
 * 96 MB on the 2.4-million-state SPIN peer (both search workers busy). Found by the mutation run, whose smaller
 * margin once made one worker's OutOfMemoryError leave the seen-set half grown and the other worker fail on it
 * (FingerprintSet.grow, Search.run).
 */
class SimulatorOutOfMemoryTest {
	@TempDir
	Path dir;

	@Test
	void outOfHeapIsReportedWithTheStatesReached() throws IOException, InterruptedException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Path log = dir.resolve("log");
		Process ptlock = new ProcessBuilder(java.toString(), "-Xmx96m", "-cp", System.getProperty("java.class.path"),
				Main.class.getName(), "check", CliRun.root().resolve("specs/bench/spin-peer/ptrcu_c4.ptl").toString(),
				"--out", dir.resolve("out").toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		assertTrue(ptlock.waitFor(120, TimeUnit.SECONDS), "ptlock did not end");
		String out = Files.readString(log);
		assertEquals(ExitCode.CHECKER_FAILURE.code, ptlock.exitValue(), out);
		assertTrue(out.matches("(?s).*check failed: out of memory after [0-9]+ distinct states; give the simulator more"
				+ " heap.*"), out);
		assertFalse(out.contains("internal error") || out.contains("Exception") || out.contains("\tat "), out);
	}
}
