package ptlock.ui.views;

import java.util.function.Consumer;

import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.part.ViewPart;

import ptlock.ui.PtlockUiPlugin;
import ptlock.ui.check.CheckRun;

/** A view that shows the latest check run: now, and each time a new one is published (on the UI thread). */
abstract class RunView extends ViewPart {
	private final Consumer<CheckRun> listener = run -> {
		Control c = control();
		if (c != null && !c.isDisposed()) {
			c.getDisplay().asyncExec(() -> {
				if (!c.isDisposed()) {
					show(run);
				}
			});
		}
	};

	/** The view's main control, once created. */
	protected abstract Control control();

	/** Shows a run (UI thread); a view ignores the runs that are not its kind. */
	protected abstract void show(CheckRun run);

	/** Call at the end of createPartControl. */
	protected final void listen() {
		PtlockUiPlugin.services().runs().addListener(listener);
		CheckRun latest = PtlockUiPlugin.services().runs().latest();
		if (latest != null) {
			show(latest);
		}
	}

	@Override
	public void dispose() {
		PtlockUiPlugin.services().runs().removeListener(listener);
		super.dispose();
	}

	@Override
	public void setFocus() {
		Control c = control();
		if (c != null) {
			c.setFocus();
		}
	}
}
