package ptlock.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ptlock killed while TLC runs, the ways a user or CI kills it: Ctrl-C (SIGINT), SIGTERM (a CI job cancelled),
 * SIGKILL (no shutdown hook runs). In each case the forked TLC JVM must end too (issue 12: it used to run on for
 * the rest of its check, 48 s and 1 GB after a Ctrl-C). ptlock runs in its own JVM here, as from the shell.
 */
class KilledCliTest {
	@TempDir
	Path dir;

	@ParameterizedTest
	@ValueSource(strings = { "INT", "TERM", "KILL" })
	void theTlcJvmEndsWithPtlock(String signal) throws IOException, InterruptedException {
		Path f = CliRun.write(dir, "big.ptl", CliRun.MANY_STATES);
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process ptlock = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
				Main.class.getName(), "check", f.toString(), "--engine", "tlc", "--quiet", "--out",
				dir.resolve("out").toString()).redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile())
				.start();
		ProcessHandle[] tlcSeen = new ProcessHandle[1];
		try {
			ProcessHandle tlc = awaitTlc(ptlock);
			tlcSeen[0] = tlc;
			Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(ptlock.pid())).start();
			assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -" + signal);
			assertTrue(ptlock.waitFor(20, TimeUnit.SECONDS), "ptlock ended on SIG" + signal);
			tlc.onExit().get(20, TimeUnit.SECONDS);
			assertTrue(!tlc.isAlive(), "the TLC JVM ended with ptlock (SIG" + signal + ")");
		} catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
			throw new AssertionError("the TLC JVM outlived ptlock killed by SIG" + signal, e);
		} finally {
			// never leave a JVM behind, whatever failed: the TLC child may no longer be ptlock's descendant
			if (tlcSeen[0] != null) {
				tlcSeen[0].destroyForcibly();
			}
			ptlock.descendants().forEach(ProcessHandle::destroyForcibly);
			ptlock.destroyForcibly();
		}
	}

	/** Distributed TLC (issue 15): the server and both local workers end with ptlock, however it is killed. */
	@ParameterizedTest
	@ValueSource(strings = { "INT", "KILL" })
	void theDistributedJvmsEndWithPtlock(String signal) throws IOException, InterruptedException {
		Path f = CliRun.write(dir, "big.ptl", CliRun.MANY_STATES);
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		int port;
		try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
			port = s.getLocalPort();
		}
		Process ptlock = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
				Main.class.getName(), "check", f.toString(), "--engine", "tlc", "--quiet", "--local-workers", "2",
				"--port", Integer.toString(port), "--out", dir.resolve("out").toString()).redirectErrorStream(true)
				.redirectOutput(dir.resolve("log").toFile()).start();
		List<ProcessHandle> jvms = List.of();
		try {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			while (jvms.size() < 3 && System.nanoTime() < deadline) {
				Thread.sleep(200);
				jvms = ptlock.descendants().filter(p -> p.info().commandLine()
						.map(c -> c.contains("ptlock.tlc.TlcChildMain")).orElse(false)).toList();
			}
			assertTrue(jvms.size() == 3, "a server and two workers started: " + jvms.size());
			Thread.sleep(2000); // the workers connect and explore
			Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(ptlock.pid())).start();
			assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -" + signal);
			assertTrue(ptlock.waitFor(20, TimeUnit.SECONDS), "ptlock ended on SIG" + signal);
			for (ProcessHandle h : jvms) {
				h.onExit().get(20, TimeUnit.SECONDS);
			}
		} catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
			throw new AssertionError("a distributed TLC JVM outlived ptlock killed by SIG" + signal, e);
		} finally {
			jvms.forEach(ProcessHandle::destroyForcibly);
			ptlock.descendants().forEach(ProcessHandle::destroyForcibly);
			ptlock.destroyForcibly();
		}
	}

	/** The TLC JVM that ptlock forks, once it runs (loading and lowering the spec come first). */
	private static ProcessHandle awaitTlc(Process ptlock) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < deadline) {
			Optional<ProcessHandle> child = ptlock.descendants().filter(p -> p.info().commandLine()
					.map(c -> c.contains("ptlock.tlc.TlcChildMain")).orElse(false)).findFirst();
			if (child.isPresent()) {
				Thread.sleep(1000); // let TLC get going: the kill must come while it explores
				return child.get();
			}
			assertTrue(ptlock.isAlive(), "ptlock ended before it started TLC");
			Thread.sleep(100);
		}
		throw new AssertionError("ptlock started no TLC JVM within 60 s: " + List.of());
	}
}
