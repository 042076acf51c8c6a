package ptlock.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ptlock.ir.Step;
import ptlock.lang.load.Issue;
import ptlock.lang.load.LoadedSpec;
import ptlock.lang.load.SpecLoader;
import ptlock.lang.lower.Lowering;
import ptlock.lang.validation.IssueCodes;

/**
 * Specs name architectures and patches of the EMF models they include (Xtext cross-references): unknown names are
 * errors with their code and position, and an architecture's attributes decide the prelude's constants.
 */
class ModelReferencesTest {
	@TempDir
	Path dir;

	private final SpecLoader loader = new SpecLoader();

	/** A spec next to the shipped architectures and series (copied, so that relative includes resolve). */
	private Path spec(String body) throws IOException {
		Path arch = dir.resolve("arch");
		Files.createDirectories(arch);
		try (var files = Files.list(Specs.root().resolve("specs/arch"))) {
			for (Path f : files.toList()) {
				Files.copy(f, arch.resolve(f.getFileName()));
			}
		}
		Files.copy(Specs.root().resolve("specs/series/mm-free-retracted-page-table-by-rcu.xmi"),
				dir.resolve("series.xmi"));
		return Specs.write(dir, "t.ptl", """
				spec t;
				include "prelude.ptl";
				include "arch/architectures.ptl";
				include "series.xmi";
				const N_SLOTS = 1; const N_TABLES = 1; const MAX_GEN = 1;
				var a: 0..2;
				path p(zero) {
					since p09 {
						a = 0;
					}
					if (zero == 1) {
						a = 1;
					} else {
						a = 2;
					}
				}
				""" + body);
	}

	private List<Issue> errors(Path f) {
		return loader.load(f).issues().stream().filter(i -> i.severity() == Issue.Severity.ERROR).toList();
	}

	@Test
	void architecturesAndPatchesResolveAcrossFiles() throws IOException {
		Path f = spec("scenario s { thread cpu0 = p(PTE_NONE_ZERO); on x86_64, s390; at p08; expect others holds; }\n");
		assertEquals(List.of(), errors(f));
	}

	@Test
	void anArchitectureSetsThePreludeConstants() throws IOException {
		LoadedSpec spec = loader.load(spec("scenario s { thread cpu0 = p(PTE_NONE_ZERO); on x86_64, s390; at p08; expect others holds; }\n"));
		List<Lowering.Result> perArch = new Lowering().lower(spec.models(), spec.scenarios().get(0));
		assertEquals(List.of("x86_64", "s390"), perArch.stream().map(r -> r.program().arch()).toList());
		// x86_64's empty PTE is 0 (PTE_NONE_ZERO = 1), s390's is _PAGE_INVALID (PTE_NONE_ZERO = 0): the test of the
		// constant costs no step, and each architecture takes its own branch
		assertEquals(List.of("a = 1;"), labels(perArch.get(0)));
		assertEquals(List.of("a = 2;"), labels(perArch.get(1)));
	}

	@Test
	void sinceFollowsThePatchLevelOfTheImportedSeries() throws IOException {
		LoadedSpec spec = loader.load(spec("scenario s { thread cpu0 = p(PTE_NONE_ZERO); at p09; expect others holds; }\n"));
		assertEquals(List.of("a = 0;", "a = 1;"), labels(new Lowering().lower(spec.models(), spec.scenarios().get(0)).get(0)));
	}

	@Test
	void unknownArchitectureIsAnErrorListingTheKnownOnes() throws IOException {
		Path f = spec("scenario s { thread cpu0 = p(PTE_NONE_ZERO); on x86_64, vax; expect others holds; }\n");
		List<Issue> e = errors(f);
		assertEquals(1, e.size(), e.toString());
		assertEquals(IssueCodes.UNKNOWN_ARCH, e.get(0).code());
		assertEquals(17, e.get(0).line());
		assertEquals(57, e.get(0).column()); // at 'vax'
		assertTrue(e.get(0).message().contains("'vax'") && e.get(0).message().contains("s390"), e.get(0).message());
	}

	@Test
	void unknownPatchIsAnError() throws IOException {
		Path f = spec("scenario s { thread cpu0 = p(PTE_NONE_ZERO); at p13; expect others holds; }\n");
		List<Issue> e = errors(f);
		assertEquals(List.of(IssueCodes.UNKNOWN_PATCH), e.stream().map(Issue::code).toList(), e.toString());
		assertEquals(17, e.get(0).line());
	}

	@Test
	void withoutAnArchitectureModelTheErrorSaysWhatToInclude() throws IOException {
		Path f = Specs.write(dir, "bare.ptl", "spec t;\nvar a: 0..1;\npath p() { a = 1; }\n"
				+ "scenario s { thread cpu0 = p(); on x86_64; expect others holds; }\n");
		List<Issue> e = errors(f);
		assertEquals(List.of(IssueCodes.UNKNOWN_ARCH), e.stream().map(Issue::code).toList(), e.toString());
		assertTrue(e.get(0).message().contains("none is included"), e.get(0).message());
	}

	@Test
	void brokenModelFileIsAnErrorOnItsInclude() throws IOException {
		Files.writeString(dir.resolve("bad.xmi"), "<?xml version=\"1.0\"?>\n<series:Architecture xmlns:series=\"x\"\n");
		Path f = Specs.write(dir, "b.ptl", "spec t;\ninclude \"bad.xmi\";\n");
		List<Issue> e = errors(f);
		assertEquals(List.of(IssueCodes.BAD_MODEL), e.stream().map(Issue::code).toList(), e.toString());
		assertEquals(2, e.get(0).line());
		assertTrue(e.get(0).message().startsWith("cannot read 'bad.xmi'"), e.get(0).message());
	}

	private static List<String> labels(Lowering.Result r) {
		assertTrue(r.ok(), r.diagnostics().toString());
		return r.program().thread("cpu0").steps().stream().map(Step::label).toList();
	}
}
