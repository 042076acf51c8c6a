package ptlock.report.sarif;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

import ptlock.ir.SourceLoc;

/**
 * SARIF locations of .ptl positions. A relative path (as the user gave it: specs/seed/mm.ptl) stays relative, with
 * forward slashes and the uriBaseId %SRCROOT%, so that code scanning finds the file in the repository; an absolute
 * one becomes a file: URI.
 */
final class Locations {
	/** The base of relative artifact URIs: the checkout's root, by convention (GitHub code scanning uses it). */
	static final String SRCROOT = "%SRCROOT%";

	private Locations() {
	}

	/** Whether a position names a file at all ({@link SourceLoc#NONE} does not). */
	static boolean known(SourceLoc loc) {
		return loc != null && loc != SourceLoc.NONE && loc.file() != null && !loc.file().isBlank()
				&& !loc.file().equals(SourceLoc.NONE.file());
	}

	/** A location object (with its message, if any); only the message when the position is unknown. */
	static Map<String, Object> location(SourceLoc loc, String message) {
		return Tree.obj("physicalLocation", known(loc) ? physical(loc) : null, "message", Tree.text(message));
	}

	private static Map<String, Object> physical(SourceLoc loc) {
		String file = loc.file().replace('\\', '/');
		boolean absolute = file.startsWith("/") || file.matches("[A-Za-z]:/.*");
		Map<String, Object> artifact = absolute ? Tree.obj("uri", fileUri(file))
				: Tree.obj("uri", relativeUri(file), "uriBaseId", SRCROOT);
		// SARIF lines and columns are 1-based: 0 means the position does not say
		Map<String, Object> region = Tree.obj("startLine", loc.line() > 0 ? loc.line() : null, "startColumn",
				loc.line() > 0 && loc.column() > 0 ? loc.column() : null);
		return Tree.obj("artifactLocation", artifact, "region", region.isEmpty() ? null : region);
	}

	static String relativeUri(String path) {
		String p = path.startsWith("./") ? path.substring(2) : path;
		int colon = p.indexOf(':');
		int slash = p.indexOf('/');
		if (colon >= 0 && (slash < 0 || colon < slash)) {
			p = "./" + p; // a colon in the first segment would read as a URI scheme
		}
		try {
			return new URI(null, null, p, null).toASCIIString();
		} catch (URISyntaxException e) {
			throw new IllegalArgumentException("not a path: " + path, e);
		}
	}

	static String fileUri(String path) {
		try {
			// the empty authority gives file:///path, the form other tools write
			return new URI("file", "", path.startsWith("/") ? path : "/" + path, null).toASCIIString();
		} catch (URISyntaxException e) {
			throw new IllegalArgumentException("not a path: " + path, e);
		}
	}
}
