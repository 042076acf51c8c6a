package ptlock.ui.tests;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;

/** Records every error logged while a test runs, so that a test fails on errors nobody asserted on. */
final class ErrorLogGuard implements ILogListener {
	private final List<IStatus> errors = new ArrayList<>();

	void start() {
		Platform.addLogListener(this);
	}

	List<IStatus> stop() {
		Platform.removeLogListener(this);
		synchronized (errors) {
			return List.copyOf(errors);
		}
	}

	@Override
	public void logging(IStatus status, String plugin) {
		if (status.getSeverity() == IStatus.ERROR) {
			synchronized (errors) {
				errors.add(status);
			}
		}
	}
}
