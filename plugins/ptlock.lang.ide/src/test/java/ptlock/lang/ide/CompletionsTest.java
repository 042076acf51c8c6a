package ptlock.lang.ide;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ptlock.lang.ide.assist.Completion;
import ptlock.lang.ide.assist.Completions;

/** Keyword completion follows the grammar: the keywords proposed are the ones valid at the cursor. */
class CompletionsTest {
	private static Completions completions;

	@BeforeAll
	static void setUp() {
		completions = new Completions(new PtlockIdeSetup().createInjectorAndDoEMFRegistration());
	}

	@AfterAll
	static void tearDown() {
		completions.close();
	}

	private static List<String> at(String text) {
		return completions.at(URI.createURI("memory:/t.ptl"), text, text.length()).stream().map(Completion::proposal)
				.toList();
	}

	@Test
	void topLevelKeywords() {
		List<String> p = at("spec s;\n");
		assertTrue(p.containsAll(List.of("const", "var", "path", "prim", "scenario", "property", "invariant")),
				p.toString());
		assertFalse(p.contains("await"), "statements are not proposed at top level: " + p);
	}

	@Test
	void statementKeywordsInsideAPath() {
		List<String> p = at("spec s;\npath f() {\n");
		assertTrue(p.containsAll(List.of("if", "atomic", "await", "assert", "either", "pick", "var")), p.toString());
	}

	@Test
	void noOperatorsOrPunctuation() {
		List<String> p = at("spec s;\npath f() {\n\tx");
		assertFalse(p.stream().anyMatch(k -> !k.matches("[A-Za-z_]\\w*")), p.toString());
	}

	@Test
	void prefixFilters() {
		List<String> p = at("spec s;\nco");
		assertTrue(p.contains("const"), p.toString());
		assertFalse(p.contains("path"), p.toString());
	}

	/** Completions in a file of specs/seed, whose includes resolve (the kernel library, the series, the architectures). */
	private static List<Completion> inSeed(String text) {
		java.nio.file.Path root = java.nio.file.Path.of("").toAbsolutePath();
		while (!java.nio.file.Files.isDirectory(root.resolve("specs/seed"))) {
			root = root.getParent();
		}
		URI uri = URI.createFileURI(root.resolve("specs/seed/new.ptl").toString());
		return completions.at(uri, text, text.length());
	}

	private static final String HEAD = "spec s;\ninclude \"paths.ptl\";\ninclude \"../arch/architectures.ptl\";\n";

	@Test
	void architecturesFromTheIncludedModels() {
		List<Completion> c = inSeed(HEAD + "scenario x {\n\ton x86_64, s");
		List<String> names = c.stream().map(Completion::proposal).toList();
		assertTrue(names.containsAll(List.of("s390", "sparc64")), names.toString());
		assertFalse(names.contains("x86_pae"), "the prefix filters: " + names);
		Completion s390 = c.stream().filter(x -> x.proposal().equals("s390")).findFirst().orElseThrow();
		assertTrue(s390.description().contains("architecture"), s390.description());
	}

	@Test
	void patchesOfTheIncludedSeries() {
		List<Completion> c = inSeed(HEAD + "scenario x {\n\tat p0");
		List<String> names = c.stream().map(Completion::proposal).toList();
		assertTrue(names.containsAll(List.of("p01", "p08", "p09")), names.toString());
		assertFalse(names.contains("p10"), names.toString());
		Completion p09 = c.stream().filter(x -> x.proposal().equals("p09")).findFirst().orElseThrow();
		assertTrue(p09.description().contains("retract_page_tables() without mmap or vma lock"), p09.description());
	}

	@Test
	void primitivesWithSignatureAndDocLocalsInCode() {
		List<Completion> c = inSeed(HEAD + "path q(slot) {\n\tvar ptl: 0..N_SPINLOCKS;\n\tpte_offset_map");
		Completion prim = c.stream().filter(x -> x.proposal().equals("pte_offset_map_lock")).findFirst().orElseThrow();
		assertTrue(prim.kind().equals("primitive") && prim.description().contains("prim pte_offset_map_lock("),
				prim.description());
		List<Completion> locals = inSeed(HEAD + "path q(slot) {\n\tvar ptl: 0..N_SPINLOCKS;\n\tspin_lock(");
		List<String> names = locals.stream().map(Completion::proposal).toList();
		assertTrue(names.containsAll(List.of("ptl", "slot", "N_SPINLOCKS", "pte_offset_map_lock")), names.toString());
	}

	@Test
	void propertiesAfterExpectAndPathsInThreads() {
		List<String> props = inSeed(HEAD + "scenario x {\n\texpect no_").stream().map(Completion::proposal).toList();
		assertTrue(props.containsAll(List.of("no_use_after_free", "no_write_to_detached")), props.toString());
		List<String> paths = inSeed(HEAD + "scenario x {\n\tthread cpu0 = handle_").stream().map(Completion::proposal)
				.toList();
		assertTrue(paths.contains("handle_pte_fault"), paths.toString());
		assertFalse(paths.contains("pte_offset_map"), "primitives are not threads: " + paths);
	}
}
