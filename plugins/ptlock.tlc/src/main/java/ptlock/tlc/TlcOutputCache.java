package ptlock.tlc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A cache of local TLC runs for mutation testing only: PIT runs the conformance tests once per mutant, and a mutant
 * of the simulator leaves every TLA+ module unchanged, so TLC's answer is the one it gave before. Switched on only
 * by the system property {@value #PROPERTY} (a folder; the {@code mutation} profile of ptlock.cli sets it), never
 * in the product: a run is keyed by TLC's arguments (the run's folder taken out), its heap, and the names and
 * contents of the .tla and .cfg files in the run's folder, and only runs that TLC ended itself are stored.
 */
final class TlcOutputCache {
	static final String PROPERTY = "ptlock.tlc.cache";

	/** What TLC printed on one run, and how it exited. */
	record Entry(List<String> stdout, int exitCode, String stderr) {
	}

	private final Path folder;

	/** @param folder where runs are stored, or null for no cache */
	TlcOutputCache(Path folder) {
		this.folder = folder;
	}

	static TlcOutputCache fromSystemProperty() {
		String dir = System.getProperty(PROPERTY);
		return new TlcOutputCache(dir == null || dir.isBlank() ? null : Path.of(dir));
	}

	boolean enabled() {
		return folder != null;
	}

	/** The key of a run of TLC with these arguments in {@code dir}, which holds the run's modules. */
	String key(Path dir, List<String> args, int heapMb) throws IOException {
		MessageDigest sha = sha256();
		String where = dir.toAbsolutePath().toString();
		for (String a : args) {
			update(sha, "arg", a.replace(where, "$DIR"));
		}
		update(sha, "heap", Integer.toString(heapMb));
		try (Stream<Path> files = Files.list(dir)) {
			for (Path f : files.filter(TlcOutputCache::isModuleFile).sorted().toList()) {
				byte[] content = Files.readAllBytes(f);
				update(sha, "file", f.getFileName().toString() + "\0" + content.length);
				sha.update(content);
			}
		}
		return HexFormat.of().formatHex(sha.digest());
	}

	Optional<Entry> lookup(String key) throws IOException {
		Path f = folder.resolve(key);
		if (!Files.isRegularFile(f)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
		int exit = Integer.parseInt(lines.get(0));
		int stderrLines = Integer.parseInt(lines.get(1));
		String stderr = String.join("\n", lines.subList(2, 2 + stderrLines));
		return Optional.of(new Entry(List.copyOf(lines.subList(2 + stderrLines, lines.size())), exit, stderr));
	}

	/** Stores a run; written to a temporary file first, so a concurrent reader never sees half of it. */
	void store(String key, Entry entry) throws IOException {
		Files.createDirectories(folder);
		List<String> lines = new ArrayList<>();
		lines.add(Integer.toString(entry.exitCode()));
		List<String> err = entry.stderr().isEmpty() ? List.of() : entry.stderr().lines().toList();
		lines.add(Integer.toString(err.size()));
		lines.addAll(err);
		lines.addAll(entry.stdout());
		Path tmp = Files.createTempFile(folder, key, ".tmp");
		Files.write(tmp, lines, StandardCharsets.UTF_8);
		Files.move(tmp, folder.resolve(key), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private static boolean isModuleFile(Path f) {
		String name = f.getFileName().toString();
		return Files.isRegularFile(f) && (name.endsWith(".tla") || name.endsWith(".cfg"));
	}

	private static void update(MessageDigest sha, String kind, String value) {
		sha.update((kind + "\0" + value + "\0").getBytes(StandardCharsets.UTF_8));
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java platform has SHA-256", e);
		}
	}
}
