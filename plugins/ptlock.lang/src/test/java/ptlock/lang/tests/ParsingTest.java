package ptlock.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ptlock.lang.load.Issue;
import ptlock.lang.load.LoadedSpec;
import ptlock.lang.load.SpecLoader;

class ParsingTest {
	private final SpecLoader loader = new SpecLoader();

	@Test
	void everyShippedSpecLoadsWithoutErrors() throws IOException {
		List<Path> specs;
		try (Stream<Path> s = Files.walk(Specs.root().resolve("specs"))) {
			specs = s.filter(p -> p.toString().endsWith(".ptl")).toList();
		}
		assertFalse(specs.isEmpty());
		for (Path p : specs) {
			LoadedSpec spec = loader.load(p);
			List<Issue> errors = spec.issues().stream().filter(i -> i.severity() == Issue.Severity.ERROR).toList();
			assertTrue(errors.isEmpty(), p + ": " + errors);
		}
	}

	@Test
	void includesAreLoadedWithTheSpec() {
		LoadedSpec spec = loader.load(Specs.root().resolve("specs/seed/retract_vs_fault.ptl"));
		// the seed spec, its code paths, the series, and the library files they include (pages includes pgtable,
		// which includes mm, which includes locks and rcu)
		assertEquals(List.of("retract_vs_fault.ptl", "paths.ptl", "series.ptl", "pages.ptl", "pgtable.ptl",
				"mm.ptl", "locks.ptl", "rcu.ptl").stream().sorted().toList(),
				spec.models().stream().map(m -> m.eResource().getURI().lastSegment()).sorted().toList());
		assertEquals(List.of("at_patch_08", "free_immediately", "free_deferred", "without_rcu_lookup"),
				spec.scenarios().stream().map(s -> s.getName()).toList());
	}

	@Test
	void syntaxErrorsAreLocatedByLineAndColumn(@TempDir Path dir) throws IOException {
		Path f = Specs.write(dir, "bad.ptl", "spec bad;\nconst N = ;\n");
		LoadedSpec spec = loader.load(f);
		Issue i = spec.issues().stream().filter(x -> x.code().equals(SpecLoader.SYNTAX)).findFirst().orElseThrow();
		assertEquals(2, i.line());
		assertEquals(11, i.column());
		assertTrue(spec.hasErrors());
	}

	@Test
	void aMissingFileIsAnErrorNotAnException(@TempDir Path dir) {
		LoadedSpec spec = loader.load(dir.resolve("nope.ptl"));
		assertTrue(spec.hasErrors());
		assertEquals(SpecLoader.FILE_NOT_FOUND, spec.issues().get(0).code());
	}
}
