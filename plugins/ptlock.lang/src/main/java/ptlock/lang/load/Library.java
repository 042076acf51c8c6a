package ptlock.lang.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;

/**
 * The kernel library (specs/lib/*.ptl, also shipped inside this bundle): which library file declares each name, so
 * that a name used without its include gets an error that names the file to include.
 */
public final class Library {
	/** The library's files (LibraryTest checks that this is every file of specs/lib). */
	public static final List<String> FILES = List.of("rcu.ptl", "locks.ptl", "mm.ptl", "pgtable.ptl", "pages.ptl",
			"tlb.ptl");

	private static final Pattern DECL = Pattern.compile(
			"(?m)^\\s*(?:atomic\\s+)?(?:prim|path|var|property|invariant|struct|(?:default\\s+)?const)\\s+(\\w+)");
	private static final Pattern ENUM = Pattern.compile("(?m)^\\s*enum\\s+(\\w+)\\s*\\{([^}]*)\\}");

	private final Map<String, String> fileOf = new LinkedHashMap<>();

	/** The index of the library shipped in this bundle. */
	public Library() {
		for (String f : FILES) {
			try (InputStream in = Library.class.getResourceAsStream("/ptlock/lang/lib/" + f)) {
				if (in != null) {
					index(f, new String(in.readAllBytes(), StandardCharsets.UTF_8));
				}
			} catch (IOException e) {
				// an unreadable copy names nothing; the error then just says the name is unknown
			}
		}
	}

	private void index(String file, String text) {
		Matcher m = DECL.matcher(text);
		while (m.find()) {
			fileOf.putIfAbsent(m.group(1), file);
		}
		Matcher e = ENUM.matcher(text);
		while (e.find()) {
			fileOf.putIfAbsent(e.group(1), file);
			for (String lit : e.group(2).split(",")) {
				if (!lit.isBlank()) {
					fileOf.putIfAbsent(lit.strip(), file);
				}
			}
		}
	}

	/** The library file that declares the name, or null. */
	public String fileOf(String name) {
		return fileOf.get(name);
	}

	/**
	 * What to say about a name the spec does not know: "defined in the library file pgtable.ptl: include
	 * "../lib/pgtable.ptl";", with the path from the spec's folder to the library when it is found above it; null if
	 * the library does not declare the name.
	 */
	public String hint(String name, EObject at) {
		String file = fileOf(name);
		if (file == null) {
			return null;
		}
		String include = "lib/" + file;
		Path dir = specDir(at);
		for (Path d = dir; d != null; d = d.getParent()) {
			for (Path lib : List.of(d.resolve("lib"), d.resolve("specs/lib"))) {
				if (Files.isRegularFile(lib.resolve(file)) && dir != null) {
					include = dir.relativize(lib.resolve(file)).toString().replace('\\', '/');
					return "'" + name + "' is defined in the library file " + file + ": include \"" + include + "\";";
				}
			}
		}
		return "'" + name + "' is defined in ptlock's library file " + file + " (specs/lib/" + file + "): include it";
	}

	private static Path specDir(EObject at) {
		if (at == null || at.eResource() == null) {
			return null;
		}
		URI uri = at.eResource().getURI();
		return uri.isFile() ? Path.of(uri.toFileString()).toAbsolutePath().getParent() : null;
	}
}
