package ptlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ptlock.check.CheckOptions;
import ptlock.check.CheckResult;
import ptlock.check.CheckStatus;
import ptlock.check.ProgressListener;
import ptlock.check.PropertyResult;
import ptlock.check.TlcDistribution;
import ptlock.ir.Program;
import ptlock.ir.Verdict;
import ptlock.sim.SimChecker;
import ptlock.tlc.TlcChecker;

/**
 * TLC's distributed mode on loopback (issue 15): a server and local workers give the verdicts, distinct states and
 * counterexample lengths of local TLC and of the simulator; a worker lost mid-run changes nothing; losing them all
 * ends the check with the reason; a port in use is refused; a remote worker ('ptlock tlc-worker') serves a check.
 * No test leaves a TLC JVM behind.
 */
@org.junit.jupiter.api.Timeout(value = 5, unit = TimeUnit.MINUTES) // a hung TLC JVM fails the test, not CI
class DistributedTlcTest {
	/** Three CPUs counting to 60: 61^3 states, every property holds. */
	private static final String COUNTERS = CliRun.onPrelude("counters", """
			var count: 0..60[THREADS];
			path counter() {
				while (count[self] < 60)
					count[self] = count[self] + 1;
			}
			scenario counters "three CPUs counting to 60" {
				thread cpu0 = counter();
				thread cpu1 = counter();
				thread cpu2 = counter();
				expect others holds;
			}
			""");

	@TempDir
	Path work;

	@AfterEach
	void noTlcJvmIsLeft() throws InterruptedException {
		// the checker kills its JVMs before it returns; give the OS a moment to reap them
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!tlcJvms().isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		List<ProcessHandle> left = tlcJvms();
		left.forEach(ProcessHandle::destroyForcibly);
		assertEquals(List.of(), left.stream().map(p -> p.info().commandLine().orElse("?")).toList(),
				"TLC JVMs left behind");
	}

	/** The TLC JVMs of this test's checks: their command lines name the test's work folder. */
	private List<ProcessHandle> tlcJvms() {
		return ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
				.map(c -> c.contains("ptlock.tlc.TlcChildMain") && c.contains(work.toString())).orElse(false)).toList();
	}

	private static Program program(String spec, String scenario) {
		return new Specs().programs(CliRun.root().resolve(spec), scenario, System.err, false).get(0);
	}

	private static int freePort() throws IOException {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
	}

	/** Verdict and counterexample length per property. */
	private static Map<String, String> verdicts(CheckResult r) {
		Map<String, String> m = new LinkedHashMap<>();
		for (PropertyResult p : r.properties()) {
			m.put(p.property(), p.verdict() + (p.trace() == null ? "" : " in " + p.trace().steps().size() + " states"));
		}
		return m;
	}

	private CheckOptions options(String name, TlcDistribution d, ProgressListener progress) {
		return new CheckOptions(work.resolve(name), 1, 1024, 600, new AtomicBoolean(), progress).withDistribution(d);
	}

	/** Connected workers as the checker reports them, most recent last. */
	private static final class Workers implements ProgressListener {
		final List<Integer> connected = new ArrayList<>();
		final AtomicLong distinct = new AtomicLong();

		@Override
		public synchronized void workers(String scenario, int n) {
			connected.add(n);
		}

		@Override
		public void progress(String scenario, long d, long queue, long rate) {
			distinct.set(d);
		}

		synchronized int max() {
			return connected.stream().mapToInt(Integer::intValue).max().orElse(0);
		}
	}

	@Test
	void aSeedRaceIsFoundAsByLocalTlcAndTheSimulator() throws IOException {
		// free_immediately is the seed's use-after-free: pte_free() without waiting for RCU (expected: violated)
		Program p = program("specs/seed/retract_vs_fault.ptl", "free_immediately");
		Workers progress = new Workers();
		CheckResult distributed = new TlcChecker().check(p,
				options("dist", TlcDistribution.localWorkers(2).withPort(freePort()), progress));
		CheckResult local = new TlcChecker().check(p, options("local", TlcDistribution.OFF, ProgressListener.NONE));
		CheckResult sim = new SimChecker().check(p, options("sim", TlcDistribution.OFF, ProgressListener.NONE));
		assertEquals(CheckStatus.COMPLETED, distributed.status(), distributed.message());
		assertEquals(Verdict.VIOLATED, verdict(distributed, "no_use_after_free"));
		assertEquals(verdicts(local), verdicts(distributed));
		assertEquals(verdicts(sim), verdicts(distributed));
		// the last run checks every property left and completes: what local TLC counts in its last run
		assertEquals(local.stats().distinctStates(), distributed.stats().distinctStates());
		// and a count of the whole state space (nothing checked) equals the simulator's
		assertEquals(new SimChecker().countStates(p), new TlcChecker().countStates(p,
				options("count", TlcDistribution.localWorkers(2).withPort(freePort()), ProgressListener.NONE)));
		assertEquals(2, progress.max(), "both workers connected: " + progress.connected);
	}

	@Test
	void aDeadlockIsNamedThoughDistributedTlcDoesNotSayIt() throws IOException {
		// e_unchecked_same_lock: spin_lock_nested() on the lock khugepaged already holds (expected: no_deadlock violated)
		Program p = program("specs/seed/split_ptlocks.ptl", "e_unchecked_same_lock");
		CheckResult distributed = new TlcChecker().check(p,
				options("dist", TlcDistribution.localWorkers(2).withPort(freePort()), ProgressListener.NONE));
		CheckResult local = new TlcChecker().check(p, options("local", TlcDistribution.OFF, ProgressListener.NONE));
		assertEquals(Verdict.VIOLATED, verdict(distributed, "no_deadlock"), distributed.message());
		assertEquals(verdicts(local), verdicts(distributed));
		assertTrue(distributed.allAsExpected(), verdicts(distributed).toString());
	}

	@Test
	void aWorkerKilledMidRunChangesNothing() throws IOException, InterruptedException {
		// 61^3 = 226,981 states: long enough to lose a worker on the way; everything holds
		Program p = new Specs().programs(CliRun.write(work, "counters.ptl", COUNTERS), null, System.err, false).get(0);
		Workers progress = new Workers();
		int port = freePort();
		CheckOptions o = options("dist", TlcDistribution.localWorkers(2).withPort(port), progress);
		AtomicInteger killed = new AtomicInteger();
		Thread killer = new Thread(() -> {
			try {
				while (progress.max() < 2) {
					Thread.sleep(100);
				}
				// distributed TLC reports progress once a minute: kill by time, well before the end (about 30 s)
				Thread.sleep(4000);
				Optional<ProcessHandle> w = workersOf(port).stream().findFirst();
				w.ifPresent(h -> {
					h.destroyForcibly();
					killed.incrementAndGet();
				});
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		});
		killer.setDaemon(true);
		killer.start();
		CheckResult distributed = new TlcChecker().check(p, o);
		killer.interrupt();
		assertEquals(1, killed.get(), "a worker was killed mid-run");
		assertEquals(CheckStatus.COMPLETED, distributed.status(), distributed.message());
		assertTrue(distributed.allAsExpected(), verdicts(distributed).toString());
		assertEquals(new SimChecker().countStates(p), distributed.stats().distinctStates());
		assertEquals(1, progress.connected.get(progress.connected.size() - 1), "one worker left: " + progress.connected);
	}

	@Test
	void losingEveryWorkerEndsTheCheckWithTheReason() throws IOException {
		Program p = new Specs().programs(CliRun.write(work, "big.ptl", CliRun.MANY_STATES), null, System.err, false)
				.get(0);
		int port = freePort();
		ProgressListener killAtOnce = new ProgressListener() {
			@Override
			public void workers(String scenario, int connected) {
				if (connected == 1) {
					workersOf(port).forEach(ProcessHandle::destroyForcibly);
				}
			}
		};
		CheckResult r = new TlcChecker().check(p, options("dist", TlcDistribution.localWorkers(1).withPort(port),
				killAtOnce));
		assertEquals(CheckStatus.FAILED, r.status());
		assertTrue(r.message().contains("every distributed TLC worker was lost"), r.message());
		assertTrue(r.properties().stream().allMatch(x -> x.verdict() == Verdict.UNKNOWN), verdicts(r).toString());
	}

	@Test
	void theScaledBenchmarkModelHasItsStatesAndVerdicts() throws IOException {
		// specs/bench/scaled.ptl scaled_rcu: two faults, khugepaged with pte_free_defer(), a read fault allocating a
		// table; every property holds (patch 08 defers the free past the RCU grace period)
		Program p = program("specs/bench/scaled.ptl", "scaled_rcu");
		Workers progress = new Workers();
		CheckResult distributed = new TlcChecker().check(p, new CheckOptions(work.resolve("dist"), 1, 2048, 900,
				new AtomicBoolean(), progress).withDistribution(TlcDistribution.localWorkers(2).withPort(freePort())));
		assertEquals(CheckStatus.COMPLETED, distributed.status(), distributed.message());
		assertTrue(distributed.allAsExpected(), verdicts(distributed).toString());
		assertEquals(2, progress.max());
		// local TLC (two threads, to keep CI short) and the simulator count the same states
		long local = new TlcChecker().countStates(p, new CheckOptions(work.resolve("local"), 2, 2048, 900,
				new AtomicBoolean(), ProgressListener.NONE));
		assertEquals(local, distributed.stats().distinctStates());
		assertEquals(new SimChecker().countStates(p), distributed.stats().distinctStates());
	}

	@Test
	void theFingerprintSetCanLiveOnAWorker() {
		// --fpsets 1: DistributedFPSetTLCServer, and the first local worker is a TLCWorkerAndFPSet
		String spec = CliRun.root().resolve("specs/seed/split_ptlocks.ptl").toString();
		CliRun fpset = CliRun.of("check", spec, "--engine", "tlc", "--local-workers", "2", "--fpsets", "1", "--port",
				Integer.toString(port()), "--json", "--out", work.resolve("fpset").toString());
		CliRun local = CliRun.of("check", spec, "--engine", "tlc", "--json", "--out", work.resolve("local").toString());
		assertEquals(ExitCode.OK, fpset.code(), fpset.err());
		assertEquals(verdictsOf(local.out()), verdictsOf(fpset.out()));
	}

	@Test
	void cancelStopsTheServerAndItsWorkers() throws IOException {
		Program p = new Specs().programs(CliRun.write(work, "big.ptl", CliRun.MANY_STATES), null, System.err, false)
				.get(0);
		AtomicBoolean cancel = new AtomicBoolean();
		ProgressListener cancelWhenBothRun = new ProgressListener() {
			@Override
			public void workers(String scenario, int connected) {
				if (connected == 2) {
					cancel.set(true);
				}
			}
		};
		CheckResult r = new TlcChecker().check(p, new CheckOptions(work.resolve("dist"), 1, 1024, 0, cancel,
				cancelWhenBothRun).withDistribution(TlcDistribution.localWorkers(2).withPort(freePort())));
		assertEquals(CheckStatus.CANCELLED, r.status(), r.message());
	}

	@Test
	void aPortInUseIsRefusedClearly() throws IOException {
		Program p = program("specs/seed/retract_vs_fault.ptl", "free_deferred");
		try (ServerSocket taken = new ServerSocket(0)) {
			CheckResult r = new TlcChecker().check(p, options("dist",
					TlcDistribution.localWorkers(1).withPort(taken.getLocalPort()), ProgressListener.NONE));
			assertEquals(CheckStatus.FAILED, r.status());
			assertTrue(r.message().contains("cannot listen on port " + taken.getLocalPort() + ": it is in use"),
					r.message());
		}
	}

	@Test
	void aRemoteWorkerServesEveryRunOfACheck() throws Exception {
		// the server waits for remote workers; 'ptlock tlc-worker localhost:PORT' is one, serving run after run:
		// free_immediately takes two distributed runs (the use-after-free, then the rest), so --runs 2
		int port = freePort();
		CliRun[] worker = new CliRun[1];
		Thread remote = new Thread(() -> worker[0] = CliRun.of("tlc-worker", "localhost:" + port, "--threads", "1",
				"--runs", "2", "--out", work.resolve("worker").toString()), "remote-worker");
		CliRun[] check = new CliRun[1];
		Thread checker = new Thread(() -> check[0] = CliRun.of("check",
				CliRun.root().resolve("specs/seed/retract_vs_fault.ptl").toString(), "--scenario", "free_immediately",
				"--engine", "tlc", "--distributed", "--port", Integer.toString(port), "--hostname", "localhost",
				"--out", work.resolve("check").toString()));
		checker.start();
		remote.start();
		checker.join(TimeUnit.MINUTES.toMillis(5));
		remote.join(TimeUnit.MINUTES.toMillis(1));
		assertNotNull(check[0], "the check ended");
		assertEquals(ExitCode.OK, check[0].code(), check[0].out() + check[0].err());
		assertTrue(check[0].err().contains("waits for workers: run 'ptlock tlc-worker localhost:" + port + "'"),
				check[0].err());
		assertTrue(check[0].err().contains("1 TLC worker(s) connected"), check[0].err());
		assertTrue(check[0].out().contains("no_use_after_free      VIOLATED  as expected"), check[0].out());
		assertNotNull(worker[0], "the worker command ended after its two runs");
		assertEquals(ExitCode.OK, worker[0].code(), worker[0].out() + worker[0].err());
		assertTrue(worker[0].out().contains("work completed"), worker[0].out());
	}

	@Test
	void distributedTlcNeedsTlcAndItsOwnWorkerOptions() {
		CliRun sim = CliRun.of("check", CliRun.root().resolve("specs/seed/retract_vs_fault.ptl").toString(),
				"--distributed");
		assertEquals(ExitCode.USAGE, sim.code(), sim.err());
		assertTrue(sim.err().contains("use it with --engine tlc or --engine both"), sim.err());
		CliRun threads = CliRun.of("check", CliRun.root().resolve("specs/seed/retract_vs_fault.ptl").toString(),
				"--engine", "tlc", "--local-workers", "2", "--workers", "2");
		assertEquals(ExitCode.USAGE, threads.code(), threads.err());
		CliRun server = CliRun.of("tlc-worker", "localhost:99999");
		assertEquals(ExitCode.USAGE, server.code(), server.err());
	}

	@Test
	void aWorkerForAnUnknownHostStopsAtOnce() {
		// without --runs the command would start worker after worker; TLC's worker cannot resolve the name
		CliRun worker = CliRun.of("tlc-worker", "no-such-host.invalid", "--out", work.resolve("w").toString());
		assertEquals(ExitCode.CHECKER_FAILURE, worker.code(), worker.out() + worker.err());
		assertTrue(worker.err().contains("could not reach no-such-host.invalid:10997"), worker.err());
	}

	private static int port() {
		try {
			return freePort();
		} catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/** Property: verdict (and counterexample length) of each result of 'ptlock check --json'. */
	private static List<String> verdictsOf(String json) {
		List<String> out = new ArrayList<>();
		com.google.gson.JsonObject doc = com.google.gson.JsonParser.parseString(json).getAsJsonObject();
		for (var r : doc.getAsJsonArray("results")) {
			for (var prop : r.getAsJsonObject().getAsJsonArray("properties")) {
				var o = prop.getAsJsonObject();
				out.add(r.getAsJsonObject().get("scenario").getAsString() + "/" + o.get("property").getAsString() + ": "
						+ o.get("verdict").getAsString()
						+ (o.has("trace") && o.get("trace").isJsonArray() ? " in " + o.getAsJsonArray("trace").size() : ""));
			}
		}
		return out;
	}

	/** The worker JVMs of the server on this port. */
	private List<ProcessHandle> workersOf(int port) {
		return tlcJvms().stream().filter(h -> h.info().commandLine()
				.map(c -> c.contains("tlc2.tool.distributed.TLCWorker") && c.contains(".port=" + port + " ")).orElse(false))
				.toList();
	}

	private static Verdict verdict(CheckResult r, String property) {
		return r.properties().stream().filter(x -> x.property().equals(property)).findFirst().orElseThrow().verdict();
	}
}
