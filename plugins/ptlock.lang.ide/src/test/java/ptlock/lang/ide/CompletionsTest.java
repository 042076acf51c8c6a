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
	void prefixFilters() {
		List<String> p = at("spec s;\nco");
		assertTrue(p.contains("const"), p.toString());
		assertFalse(p.contains("path"), p.toString());
	}
}
