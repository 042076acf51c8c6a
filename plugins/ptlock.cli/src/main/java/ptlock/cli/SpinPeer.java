package ptlock.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ptlock.ir.Program;
import ptlock.sim.SimChecker;

/**
 * ptlock bench --peer spin: the same race in SPIN and in the simulator, one after the other in one run, with their
 * states, time, states per second and memory side by side. The Promela model and its step-for-step ptlock
 * transcription are specs/bench/spin-peer/ (copied from the benchmark they come from; README.md there): both tools
 * must count the same distinct states, so a difference is a conformance failure. SPIN is built as its README says:
 * {@code spin -a}, {@code gcc -O2 -DSAFETY -DNOREDUCE}, {@code ./pan -m100000 -w23}; its memory is the peak
 * resident set of pan (VmHWM), the simulator's its peak heap above the start.
 */
final class SpinPeer {
	static final Path DIR = Path.of("specs/bench/spin-peer");

	/** A configuration: SPIN's -D values and the ptlock file that sets the same constants. */
	record Config(String name, int faults, int reusers, int tables, int entries, String spec) {
		List<String> defines() {
			return List.of("-DNF=" + faults, "-DNR=" + reusers, "-DN_TABLES=" + tables, "-DE=" + entries);
		}
	}

	static final List<Config> CONFIGS = List.of(
			new Config("small", 1, 1, 2, 1, "ptrcu_small.ptl"),
			new Config("c3", 2, 2, 3, 2, "ptrcu_c3.ptl"),
			new Config("c4", 4, 2, 3, 1, "ptrcu_c4.ptl"));

	/** What one tool measured. */
	record Run(long states, double seconds, long peakBytes) {
		double perSecond() {
			return seconds > 0 ? states / seconds : 0;
		}

		long bytesPerState() {
			return states > 0 ? peakBytes / states : 0;
		}
	}

	private final String searchPath;
	private final Path dir;

	/**
	 * @param searchPath where to look for spin and gcc (the PATH)
	 * @param dir the folder of the Promela model and its transcriptions
	 */
	SpinPeer(String searchPath, Path dir) {
		this.searchPath = searchPath == null ? "" : searchPath;
		this.dir = dir;
	}

	/** Each configuration in SPIN, then in the simulator, a row each; NONCONFORMANT if their counts differ. */
	ExitCode compare(List<Config> configs, Path work, PrintStream out, PrintStream err) throws IOException {
		if (!missing().isEmpty()) {
			err.println("ptlock: bench --peer spin needs " + String.join(" and ", missing())
					+ ", which " + (missing().size() == 1 ? "is" : "are") + " not on the PATH; on Debian or Ubuntu:"
					+ " apt-get install spin gcc");
			return ExitCode.CHECKER_FAILURE;
		}
		header(out);
		ExitCode code = ExitCode.OK;
		for (Config c : configs) {
			Program p = BenchCommand.program(dir.resolve(c.spec()), null, err);
			if (p == null) {
				return ExitCode.SPEC_ERROR;
			}
			Run spinRun;
			try {
				spinRun = spin(c, work);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return ExitCode.CHECKER_FAILURE;
			} catch (IOException e) {
				err.println("ptlock: SPIN on " + c.name() + ": " + e.getMessage());
				return ExitCode.CHECKER_FAILURE;
			}
			Run sim = simulator(p); // after SPIN, never at the same time
			row(out, c, spinRun, sim);
			if (spinRun.states() != sim.states()) {
				code = ExitCode.NONCONFORMANT;
			}
		}
		return code;
	}

	/** The tools that are missing, by name (empty: SPIN can run). */
	List<String> missing() {
		List<String> out = new ArrayList<>();
		for (String tool : List.of("spin", "gcc")) {
			if (find(tool) == null) {
				out.add(tool);
			}
		}
		return out;
	}

	private Path find(String tool) {
		for (String dir : searchPath.split(java.io.File.pathSeparator)) {
			if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
				return Path.of(dir, tool);
			}
		}
		return null;
	}

	/** Builds and runs SPIN's exhaustive search of the configuration in work. */
	Run spin(Config c, Path work) throws IOException, InterruptedException {
		Path dir = Files.createDirectories(work.resolve("spin-" + c.name()));
		Files.copy(this.dir.resolve("ptrcu.pml"), dir.resolve("ptrcu.pml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		List<String> generate = new ArrayList<>(List.of(find("spin").toString()));
		generate.addAll(c.defines());
		generate.addAll(List.of("-a", "ptrcu.pml"));
		exec(dir, generate, "spin -a");
		exec(dir, List.of(find("gcc").toString(), "-O2", "-DSAFETY", "-DNOREDUCE", "-o", "pan", "pan.c"), "gcc");
		long t0 = System.nanoTime();
		Process pan = new ProcessBuilder(dir.resolve("pan").toString(), "-m100000", "-w23").directory(dir.toFile())
				.redirectErrorStream(true).redirectOutput(dir.resolve("pan.out").toFile()).start();
		long peakKb = 0;
		try {
			Path status = Path.of("/proc", Long.toString(pan.pid()), "status");
			while (!pan.waitFor(10, TimeUnit.MILLISECONDS)) {
				peakKb = Math.max(peakKb, vmHwmKb(status));
			}
		} finally {
			pan.destroyForcibly();
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		String out = Files.readString(dir.resolve("pan.out"), StandardCharsets.UTF_8);
		Matcher m = Pattern.compile("(\\d+) states, stored").matcher(out);
		if (pan.exitValue() != 0 || !m.find()) {
			throw new IOException("pan failed (exit " + pan.exitValue() + "): " + out.strip().lines().reduce((a, b) -> b)
					.orElse("no output"));
		}
		return new Run(Long.parseLong(m.group(1)), seconds, peakKb * 1024);
	}

	private static long vmHwmKb(Path status) {
		try {
			for (String line : Files.readAllLines(status)) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.replaceAll("\\D", ""));
				}
			}
		} catch (IOException | NumberFormatException e) {
			// the process just ended: its last reading stands
		}
		return 0;
	}

	private static void exec(Path dir, List<String> command, String what) throws IOException, InterruptedException {
		Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (p.waitFor() != 0) {
			throw new IOException(what + " failed (exit " + p.exitValue() + "): " + out.strip());
		}
	}

	/** The simulator's search of the same configuration, measured as `bench` measures it (no warm-up: SPIN has none). */
	static Run simulator(Program p) {
		BenchCommand.MemorySampler mem = new BenchCommand.MemorySampler();
		long t0 = System.nanoTime();
		long states = new SimChecker().countStates(p);
		double seconds = (System.nanoTime() - t0) / 1e9;
		return new Run(states, seconds, mem.stop());
	}

	static void header(PrintStream out) {
		out.println("| model | states (SPIN = ptlock) | SPIN s | ptlock s | SPIN states/s | ptlock states/s | ptlock/SPIN"
				+ " | SPIN RSS MB | ptlock heap MB | SPIN B/state | ptlock B/state |");
		out.println("|---|---|---|---|---|---|---|---|---|---|---|");
	}

	static void row(PrintStream out, Config c, Run spin, Run sim) {
		out.printf("| %s | %d%s | %.2f | %.2f | %.0f | %.0f | %.2fx | %d | %d | %d | %d |%n", c.name(), spin.states(),
				spin.states() == sim.states() ? "" : " (ptlock " + sim.states() + "!)", spin.seconds(), sim.seconds(),
				spin.perSecond(), sim.perSecond(), spin.perSecond() > 0 ? sim.perSecond() / spin.perSecond() : 0,
				spin.peakBytes() >> 20, sim.peakBytes() >> 20, spin.bytesPerState(), sim.bytesPerState());
	}
}
