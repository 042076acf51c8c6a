package ptlock.model;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import ptlock.model.imports.ImportException;
import ptlock.model.imports.MboxImporter;
import ptlock.model.series.FileChange;
import ptlock.model.series.Patch;
import ptlock.model.series.Series;

/** The mbox corpus of src/test/resources/mbox (see its README.md) and short ways to look at what it imports to. */
final class Mboxes {
	private Mboxes() {
	}

	static byte[] bytes(String name) {
		try (InputStream in = Mboxes.class.getResourceAsStream("/mbox/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("no corpus file " + name);
			}
			return in.readAllBytes();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static String text(String name) {
		return new String(bytes(name), java.nio.charset.StandardCharsets.UTF_8);
	}

	static Series read(String name) throws ImportException {
		return new MboxImporter().read(bytes(name));
	}

	static ImportException refused(byte[] mbox) {
		return assertThrows(ImportException.class, () -> new MboxImporter().read(mbox));
	}

	static ImportException refused(String mbox) {
		return assertThrows(ImportException.class, () -> new MboxImporter().read(mbox));
	}

	static List<String> names(Series s) {
		return s.getPatches().stream().map(Patch::getName).toList();
	}

	static List<String> subjects(Series s) {
		return s.getPatches().stream().map(Patch::getSubject).toList();
	}

	/** "path +ins -del" of each file. */
	static List<String> files(List<FileChange> files) {
		return files.stream().map(f -> f.getPath() + " +" + f.getInsertions() + " -" + f.getDeletions()).toList();
	}

	static List<String> files(Series s, int patch) {
		return files(s.getPatches().get(patch - 1).getFiles());
	}
}
