package ptlock.tlc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import ptlock.check.CheckOptions;

/**
 * Runs TLC on one module in its own working folder, streaming its -tool messages: one local JVM, or, when the
 * options say so, the distributed server with its workers ({@link DistributedTlc}).
 */
final class TlcProcess {
	private final TlcOutputCache cache;

	TlcProcess() {
		this(TlcOutputCache.fromSystemProperty());
	}

	TlcProcess(TlcOutputCache cache) {
		this.cache = cache;
	}

	/** @param scenario what progress reports name (the scenario checked) */
	TlcRun run(Path dir, String module, boolean checkDeadlock, CheckOptions options, String scenario,
			Consumer<ToolMessage> live) throws IOException, InterruptedException {
		if (options.distribution().enabled()) {
			return new DistributedTlc(options, scenario).run(dir, module, checkDeadlock, live);
		}
		return runLocal(dir, module, checkDeadlock, options, live);
	}

	/** Local TLC, whatever the options say about distribution (the helper runs of a distributed check use it). */
	TlcRun runLocal(Path dir, String module, boolean checkDeadlock, CheckOptions options, Consumer<ToolMessage> live)
			throws IOException, InterruptedException {
		List<String> args = new ArrayList<>(tlcArgs(dir, module, checkDeadlock));
		args.addAll(0, List.of("-workers", Integer.toString(Math.max(1, options.workers()))));
		Messages messages = new Messages(live);
		String key = cache.enabled() ? cache.key(dir, args, options.heapMb()) : null;
		if (key != null) {
			Optional<TlcOutputCache.Entry> hit = cache.lookup(key);
			if (hit.isPresent()) {
				hit.get().stdout().forEach(messages::line);
				Files.writeString(dir.resolve("tlc.stderr"), hit.get().stderr());
				return new TlcRun(messages.end(), hit.get().exitCode(), TlcRun.End.EXITED, hit.get().stderr(), 0);
			}
		}
		List<String> stdout = new ArrayList<>();
		ChildJvm tlc = ChildJvm.start(dir, TlcChildMain.TLC_MAIN, options.heapMb(), List.of(), args,
				dir.resolve("tlc.stderr"), line -> {
					if (key != null) {
						synchronized (stdout) {
							stdout.add(line);
						}
					}
					messages.line(line);
				});
		TlcRun.End end = TlcRun.End.EXITED;
		long peak = 0;
		while (!tlc.waitFor(100)) {
			peak = Math.max(peak, tlc.peakRssKb());
			end = stopReason(options);
			if (end != TlcRun.End.EXITED) {
				tlc.kill();
				break;
			}
		}
		tlc.drain();
		String stderr = Files.readString(dir.resolve("tlc.stderr"));
		if (key != null && end == TlcRun.End.EXITED && tlc.drained()) {
			synchronized (stdout) {
				cache.store(key, new TlcOutputCache.Entry(List.copyOf(stdout), tlc.exitValue(), stderr));
			}
		}
		return new TlcRun(messages.end(), tlc.exitValue(), end, stderr, peak);
	}

	/** TLC's arguments common to local TLC and the distributed server. */
	static List<String> tlcArgs(Path dir, String module, boolean checkDeadlock) {
		List<String> args = new ArrayList<>(List.of("-tool", "-metadir", dir.resolve("states").toString(), "-config",
				module + ".cfg"));
		if (!checkDeadlock) {
			args.add("-deadlock");
		}
		args.add(module);
		return args;
	}

	/** Why a run must stop now (cancel, time limit), or EXITED if it may go on. */
	static TlcRun.End stopReason(CheckOptions options) {
		if (options.cancel().get()) {
			return TlcRun.End.CANCELLED;
		}
		if (options.pastDeadline()) {
			return TlcRun.End.TIMEOUT;
		}
		return TlcRun.End.EXITED;
	}

	/** Collects the -tool messages of one JVM's output, passing each on as it completes. */
	static final class Messages {
		private final List<ToolMessage> all = new ArrayList<>();
		private final ToolMessageReader reader;

		Messages(Consumer<ToolMessage> live) {
			reader = new ToolMessageReader(m -> {
				synchronized (all) {
					all.add(m);
				}
				live.accept(m);
			});
		}

		synchronized void line(String line) {
			reader.line(line);
		}

		/** The messages so far, the last one completed even if its end marker never came. */
		synchronized List<ToolMessage> end() {
			reader.end();
			synchronized (all) {
				return List.copyOf(all);
			}
		}
	}
}
