package ptlock.ui;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** The bundle activator; owns the language services for the lifetime of the bundle. */
public final class PtlockUiPlugin implements BundleActivator {
	public static final String ID = "ptlock.ui";
	private static volatile PtlockUiPlugin instance;

	private final PtlockServices services = new PtlockServices();

	@Override
	public void start(BundleContext context) {
		instance = this;
	}

	@Override
	public void stop(BundleContext context) {
		services.close();
		instance = null;
	}

	/** The running plugin's services (the activator is Eclipse's one per-bundle instance). */
	public static PtlockServices services() {
		PtlockUiPlugin p = instance;
		if (p == null) {
			throw new IllegalStateException("the ptlock.ui bundle is not active");
		}
		return p.services;
	}
}
