package ptlock.cli;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import ptlock.lang.load.SpecLoader;

/**
 * The spec loader of one run, made once. Creating it (Xtext's Guice injector, EMF's package registry) is about a
 * third of a cold check; {@link #started} begins it on a background thread while picocli builds the command line
 * and parses the arguments (issue 16, item 4), {@link #lazy} when it is first needed.
 */
final class Loaders {
	private final FutureTask<SpecLoader> loader = new FutureTask<>(SpecLoader::new);

	private Loaders() {
	}

	static Loaders lazy() {
		return new Loaders();
	}

	static Loaders started() {
		Loaders l = new Loaders();
		Thread t = new Thread(l.loader, "ptlock-xtext-start");
		t.setDaemon(true); // a usage error exits at once, whatever it is doing
		t.start();
		return l;
	}

	/** The loader; its creation's failure is thrown here, as if it had been created on this thread. */
	SpecLoader get() {
		loader.run(); // does nothing if it is running or done
		try {
			return loader.get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while the spec loader started", e);
		} catch (ExecutionException e) {
			if (e.getCause() instanceof RuntimeException r) {
				throw r;
			}
			if (e.getCause() instanceof Error err) {
				throw err;
			}
			throw new IllegalStateException(e.getCause());
		}
	}
}
