package ptlock.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import ptlock.check.CheckOptions;
import ptlock.check.CheckResult;
import ptlock.check.ProgressListener;
import ptlock.ir.Program;
import ptlock.sim.SimChecker;
import ptlock.tlc.TlcChecker;

/**
 * ptlock bench: the simulator and TLC on the same models, measured in one invocation: distinct states (which must be
 * equal), wall time, states per second, peak memory. Then the time to check every seed scenario with the simulator.
 */
@Command(name = "bench", description = "Measure the simulator against TLC on the seed models and a scaled-up one, in"
		+ " one run: distinct states (equal), time, states/s, memory (docs/BENCHMARKS.md).")
final class BenchCommand extends Subcommand {
	@Option(names = "--quick", description = "leave out the scaled model (minutes of TLC)")
	boolean quick;
	@Option(names = "--out", paramLabel = "DIR", description = "keep TLC's files in DIR")
	Path outDir;
	@Option(names = "--peer", paramLabel = "TOOL", description = "instead: the same race in TOOL (spin: needs the"
			+ " Debian packages spin and gcc) and in the simulator, side by side (specs/bench/spin-peer)")
	String peer;
	@Option(names = "--peer-config", paramLabel = "NAME", split = ",", defaultValue = "c3,c4",
			description = "with --peer: the configurations, of small, c3, c4 (default: c3,c4)")
	List<String> peerConfigs;

	BenchCommand(Io io) {
		super(io);
	}

	static final List<String[]> MODELS = List.of(
			new String[] { "specs/seed/retract_vs_fault.ptl", "free_deferred" },
			new String[] { "specs/seed/jann_reuse.ptl", "a_end_of_series" },
			new String[] { "specs/seed/nonempty_detach.ptl", "c_page_lock_excludes_fault" },
			new String[] { "specs/bench/scaled.ptl", "scaled_rcu" });

	@Override
	ExitCode run() throws IOException, UsageException {
		try (WorkDir workDir = WorkDir.of(outDir)) {
			return peer == null ? run(workDir.path(), io.out(), io.err()) : peer(workDir.path(), io.out(), io.err());
		}
	}

	private ExitCode peer(Path work, PrintStream out, PrintStream err) throws IOException, UsageException {
		if (!"spin".equals(peer)) {
			throw new UsageException("--peer is spin, not '" + peer + "'");
		}
		List<SpinPeer.Config> configs = new java.util.ArrayList<>();
		for (String name : peerConfigs) {
			configs.add(SpinPeer.CONFIGS.stream().filter(c -> c.name().equals(name.strip())).findFirst().orElseThrow(
					() -> new UsageException("--peer-config is small, c3 or c4, not '" + name + "'")));
		}
		return new SpinPeer(System.getenv("PATH"), SpinPeer.DIR).compare(configs, work, out, err);
	}

	private ExitCode run(Path work, PrintStream out, PrintStream err) throws IOException {
		CheckOptions options = new CheckOptions(work, 1, 4096, 0, new AtomicBoolean(), ProgressListener.NONE);
		out.println("| model | states (sim = tlc) | sim s | tlc s | sim states/s | tlc states/s | ratio | sim heap MB | tlc RSS MB |");
		out.println("|---|---|---|---|---|---|---|---|---|");
		ExitCode code = ExitCode.OK;
		for (String[] m : MODELS) {
			if (quick && m[0].contains("bench/")) {
				continue;
			}
			Program p = program(Path.of(m[0]), m[1], err);
			if (p == null) {
				return ExitCode.SPEC_ERROR;
			}
			SimChecker sim = new SimChecker();
			sim.countStates(p); // warm up the JIT on this model
			MemorySampler mem = new MemorySampler();
			long t0 = System.nanoTime();
			long simStates = sim.countStates(p);
			long simNanos = System.nanoTime() - t0;
			long heapMb = mem.stop() / (1024 * 1024);
			TlcChecker.Count tlc = new TlcChecker().count(p, options);
			double simS = simNanos / 1e9;
			double tlcS = tlc.millis() / 1e3;
			out.printf("| %s | %d%s | %.2f | %.2f | %.0f | %.0f | %.1fx | %d | %d |%n", p.spec() + "/" + p.title(),
					simStates, simStates == tlc.states() ? "" : " (tlc " + tlc.states() + "!)", simS, tlcS,
					simStates / simS, tlc.states() / tlcS, (simStates / simS) / (tlc.states() / tlcS), heapMb,
					tlc.peakRssKb() / 1024);
			if (simStates != tlc.states()) {
				code = ExitCode.NONCONFORMANT;
			}
		}
		long t0 = System.nanoTime();
		int scenarios = 0;
		try (var files = Files.list(Path.of("specs/seed"))) {
			for (Path f : files.filter(x -> x.toString().endsWith(".ptl")).sorted().toList()) {
				List<Program> ps = new Specs(io).programs(f, null, new PrintStream(java.io.OutputStream.nullOutputStream()),
						false);
				if (ps == null) {
					continue;
				}
				for (Program p : ps) {
					CheckResult r = new SimChecker().check(p, options);
					scenarios++;
					if (!r.allAsExpected()) {
						code = ExitCode.UNEXPECTED_VERDICT;
					}
				}
			}
		}
		out.printf("%nevery seed scenario on its architectures (%d checks, all properties, traces) with the simulator: %.2f s%n",
				scenarios, (System.nanoTime() - t0) / 1e9);
		return code;
	}

	static Program program(Path spec, String scenario, PrintStream err) {
		List<Program> ps = new Specs().programs(spec, scenario, err, false);
		return ps == null ? null : ps.get(0);
	}

	/** Samples the heap in use (after a GC at the start) until stopped; reports the peak above the start. */
	static final class MemorySampler {
		private final MemoryMXBean bean = ManagementFactory.getMemoryMXBean();
		private final AtomicLong peak = new AtomicLong();
		private final AtomicBoolean running = new AtomicBoolean(true);
		private final long base;
		private final Thread thread;

		MemorySampler() {
			System.gc();
			base = bean.getHeapMemoryUsage().getUsed();
			thread = new Thread(() -> {
				while (running.get()) {
					peak.accumulateAndGet(bean.getHeapMemoryUsage().getUsed() - base, Math::max);
					try {
						Thread.sleep(10);
					} catch (InterruptedException e) {
						return;
					}
				}
			}, "ptlock-bench-memory");
			thread.setDaemon(true);
			thread.start();
		}

		long stop() {
			running.set(false);
			try {
				thread.join(1000);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return Math.max(0, peak.get());
		}
	}
}
