package ptlock.ui.tests;

import java.util.function.BooleanSupplier;

import org.eclipse.swt.widgets.Display;

/** Waits on the UI thread while running the event loop (jobs and async UI work go on meanwhile). */
final class UiWait {
	private UiWait() {
	}

	/** Runs the event loop for a while (lets views and painters catch up before a screenshot). */
	static void settle(long ms) {
		Display display = Display.getCurrent();
		long end = System.currentTimeMillis() + ms;
		while (System.currentTimeMillis() < end) {
			while (display.readAndDispatch()) {
				// drain the event queue
			}
			try {
				Thread.sleep(20);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	static void until(BooleanSupplier condition, long timeoutMs, String what) {
		Display display = Display.getCurrent();
		long end = System.currentTimeMillis() + timeoutMs;
		while (System.currentTimeMillis() < end) {
			while (display.readAndDispatch()) {
				// drain the event queue
			}
			if (condition.getAsBoolean()) {
				return;
			}
			try {
				Thread.sleep(20);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		throw new AssertionError("timed out after " + timeoutMs + " ms waiting for " + what);
	}
}
