package ptlock.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ptlock.check.CheckOptions;
import ptlock.check.ProgressListener;

/** The mutation-testing cache of TLC runs: a run of the same modules is answered from it, a changed module is not. */
class TlcOutputCacheTest {
	@TempDir
	Path tmp;

	private static final String SPEC = """
			---- MODULE M ----
			EXTENDS Naturals
			VARIABLE x
			Init == x = 0
			Next == x < %d /\\ x' = x + 1
			Inv == x < 3
			====
			""";

	private TlcRun run(TlcProcess process, String name, int bound) throws IOException, InterruptedException {
		Path dir = Files.createDirectories(tmp.resolve(name));
		Files.writeString(dir.resolve("M.tla"), SPEC.formatted(bound));
		Files.writeString(dir.resolve("M.cfg"), "INIT Init\nNEXT Next\nINVARIANT Inv\n");
		CheckOptions options = new CheckOptions(tmp.resolve("work"), 1, 256, 0, new AtomicBoolean(),
				ProgressListener.NONE);
		return process.runLocal(dir, "M", false, options, m -> {
		});
	}

	private long stored(Path cache) throws IOException {
		try (Stream<Path> files = Files.list(cache)) {
			return files.filter(f -> !f.toString().endsWith(".tmp")).count();
		}
	}

	private static List<Integer> codes(TlcRun run) {
		return run.messages().stream().map(ToolMessage::code).toList();
	}

	@Test
	void theSameModulesInAnotherFolderAreAnsweredFromTheCache() throws Exception {
		Path cache = tmp.resolve("cache");
		TlcProcess process = new TlcProcess(new TlcOutputCache(cache));
		TlcRun first = run(process, "a", 5);
		assertTrue(codes(first).contains(TlcCodes.INVARIANT_VIOLATED_BEHAVIOR), first.messages().toString());
		assertEquals(1, stored(cache));
		TlcRun again = run(process, "b", 5);
		assertEquals(1, stored(cache), "a hit stores nothing new");
		assertEquals(first.messages(), again.messages());
		assertEquals(first.exitCode(), again.exitCode());
		assertEquals(0, again.peakRssKb(), "no TLC JVM ran");
	}

	@Test
	void aChangedModuleRunsTlcAgain() throws Exception {
		Path cache = tmp.resolve("cache");
		TlcProcess process = new TlcProcess(new TlcOutputCache(cache));
		TlcRun violated = run(process, "a", 5);
		TlcRun holds = run(process, "b", 2);
		assertEquals(2, stored(cache));
		assertFalse(codes(holds).contains(TlcCodes.INVARIANT_VIOLATED_BEHAVIOR), codes(holds).toString());
		assertNotEquals(codes(violated), codes(holds));
	}

	@Test
	void withoutTheSystemPropertyThereIsNoCache() {
		assertFalse(new TlcOutputCache(null).enabled());
		assertEquals(System.getProperty(TlcOutputCache.PROPERTY) != null, TlcOutputCache.fromSystemProperty().enabled());
	}
}
