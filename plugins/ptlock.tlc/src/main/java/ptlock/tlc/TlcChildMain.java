package ptlock.tlc;

import java.io.IOException;

/**
 * The main class of the forked TLC JVM: TLC, with a watchdog that ends this JVM as soon as ptlock's end of its
 * standard input closes. That happens however ptlock ends - normally, by Ctrl-C (SIGINT), SIGTERM, or SIGKILL, which
 * no shutdown hook sees - so no TLC JVM outlives the ptlock that started it. TLC in -tool mode reads no input.
 */
public final class TlcChildMain {
	/** The exit status when ptlock went away (128 + SIGHUP, as a shell reports a hung-up child). */
	static final int PARENT_GONE = 129;

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
		tlc2.TLC.main(args);
	}
}
