package ptlock.tlc;

import java.io.IOException;

/**
 * The main class of the forked TLC JVM: TLC, with a watchdog that ends this JVM as soon as ptlock's end of its
 * standard input closes. That happens however ptlock ends - normally, by Ctrl-C (SIGINT), SIGTERM, or SIGKILL, which
 * no shutdown hook sees - so no TLC JVM outlives the ptlock that started it. TLC in -tool mode reads no input.
 * The first argument is TLC's main class, {@value #TLC_MAIN}, so that the command line still names it (pgrep -f tlc2).
 */
public final class TlcChildMain {
	/** The exit status when ptlock went away (128 + SIGHUP, as a shell reports a hung-up child). */
	static final int PARENT_GONE = 129;

	/** TLC's main class, the first argument. */
	static final String TLC_MAIN = "tlc2.TLC";

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
		if (args.length == 0 || !TLC_MAIN.equals(args[0])) {
			throw new IllegalArgumentException("usage: TlcChildMain " + TLC_MAIN + " TLC-ARGS...");
		}
		tlc2.TLC.main(java.util.Arrays.copyOfRange(args, 1, args.length));
	}
}
