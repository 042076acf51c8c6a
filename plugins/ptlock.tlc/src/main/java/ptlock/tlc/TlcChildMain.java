package ptlock.tlc;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/**
 * The main class of every forked TLC JVM: a TLC main class, with a watchdog that ends this JVM as soon as ptlock's
 * end of its standard input closes. That happens however ptlock ends - normally, by Ctrl-C (SIGINT), SIGTERM, or
 * SIGKILL, which no shutdown hook sees - so no TLC JVM (local TLC, distributed server or worker) outlives the ptlock
 * that started it. TLC reads no input. The first argument is the TLC main class, one of {@link #MAINS}, so that the
 * command line still names it (pgrep -f tlc2).
 */
public final class TlcChildMain {
	/** The exit status when ptlock went away (128 + SIGHUP, as a shell reports a hung-up child). */
	static final int PARENT_GONE = 129;

	/** Local TLC. */
	static final String TLC_MAIN = "tlc2.TLC";
	/** Distributed TLC's server, keeping the fingerprint set itself. */
	static final String SERVER = "tlc2.tool.distributed.TLCServer";
	/** Distributed TLC's server, with the fingerprint set on fingerprint-set servers ({@link #WORKER_AND_FPSET}). */
	static final String FPSET_SERVER = "tlc2.tool.distributed.DistributedFPSetTLCServer";
	/** A distributed TLC worker. */
	static final String WORKER = "tlc2.tool.distributed.TLCWorker";
	/** A distributed TLC worker that also holds a share of the fingerprint set. */
	static final String WORKER_AND_FPSET = "tlc2.tool.distributed.fp.TLCWorkerAndFPSet";

	static final List<String> MAINS = List.of(TLC_MAIN, SERVER, FPSET_SERVER, WORKER, WORKER_AND_FPSET);

	private TlcChildMain() {
	}

	public static void main(String[] args) throws Exception {
		Thread watchdog = new Thread(() -> {
			try {
				while (System.in.read() >= 0) {
					// ptlock writes nothing; any byte is ignored
				}
			} catch (IOException e) {
				// the pipe broke: ptlock is gone too
			}
			Runtime.getRuntime().halt(PARENT_GONE);
		}, "ptlock-parent-watchdog");
		watchdog.setDaemon(true);
		watchdog.start();
		if (args.length == 0 || !MAINS.contains(args[0])) {
			throw new IllegalArgumentException("usage: TlcChildMain " + String.join("|", MAINS) + " TLC-ARGS...");
		}
		Method main = Class.forName(args[0]).getMethod("main", String[].class);
		main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
		if (SERVER.equals(args[0]) || FPSET_SERVER.equals(args[0])) {
			// the server's main returns when the run is over, but RMI can keep the JVM alive (an object still
			// exported: seen with DistributedFPSetTLCServer after a deadlock was found)
			System.out.flush();
			System.exit(0);
		}
	}
}
