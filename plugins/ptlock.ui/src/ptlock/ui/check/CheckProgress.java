package ptlock.ui.check;

import org.eclipse.core.runtime.SubMonitor;

import ptlock.check.ProgressListener;

/**
 * What the checkers report while they run, shown as a check's sub-task in the progress view (states, queue, rate;
 * distributed TLC's connected workers) and on the ptlock console (the checkers' messages; each change of the
 * workers, since a worker lost is worth seeing after the fact). Called from the checkers' threads.
 */
final class CheckProgress implements ProgressListener {
	private final SubMonitor sub;

	CheckProgress(SubMonitor sub) {
		this.sub = sub;
	}

	@Override
	public void progress(String scenario, long distinct, long queue, long rate) {
		sub.subTask(String.format("%s: %,d distinct states, %,d on queue, %,d states/min", scenario, distinct, queue,
				rate));
	}

	@Override
	public void message(String text) {
		PtlockConsole.print("  " + text + "\n");
	}

	@Override
	public void workers(String scenario, int connected) {
		String text = scenario + ": " + connected + " TLC worker" + (connected == 1 ? "" : "s") + " connected";
		sub.subTask(text);
		PtlockConsole.print("  " + text + "\n");
	}
}
