package ptlock.ui.check;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The latest run, and who wants to hear of the next (the results and matrix views). One per plugin instance. */
public final class CheckRuns {
	private final List<Consumer<CheckRun>> listeners = new CopyOnWriteArrayList<>();
	private volatile CheckRun latest;

	public CheckRun latest() {
		return latest;
	}

	public void publish(CheckRun run) {
		latest = run;
		listeners.forEach(l -> l.accept(run));
	}

	public void addListener(Consumer<CheckRun> l) {
		listeners.add(l);
	}

	public void removeListener(Consumer<CheckRun> l) {
		listeners.remove(l);
	}
}
