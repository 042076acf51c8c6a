package ptlock.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ptlock.ir.Program;
import ptlock.ir.Step;
import ptlock.lang.load.Issue;
import ptlock.lang.load.Library;
import ptlock.lang.load.LoadedSpec;
import ptlock.lang.load.SpecLoader;
import ptlock.lang.lower.Lowering;
import ptlock.lang.validation.IssueCodes;

/**
 * The kernel library (specs/lib): shipped whole in the bundle, every primitive documented in docs/KERNEL-MODEL.md,
 * names used without their include reported with the file to include, and what the seed series changes in it
 * ('const X = a since pNN else b', 'at pNN without pMM', 'ignore').
 */
class LibraryTest {
	@TempDir
	Path dir;

	private static final Pattern DECL = Pattern.compile("(?m)^\\s*(?:atomic\\s+)?(prim|path)\\s+(\\w+)");

	@Test
	void theBundleShipsEveryLibraryFile() throws IOException {
		List<String> onDisk;
		try (var files = Files.list(Specs.root().resolve("specs/lib"))) {
			onDisk = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".ptl")).sorted().toList();
		}
		assertEquals(onDisk, Library.FILES.stream().sorted().toList());
		for (String f : Library.FILES) {
			try (InputStream in = Library.class.getResourceAsStream("/ptlock/lang/lib/" + f)) {
				assertNotNull(in, f + " is in the bundle");
				assertEquals(Files.readString(Specs.root().resolve("specs/lib/" + f)), new String(in.readAllBytes()),
						f + ": the bundled copy is the file in specs/lib");
			}
		}
	}

	@Test
	void everyPrimitiveAndPathHasARowInTheKernelModel() throws IOException {
		String doc = Files.readString(Specs.root().resolve("docs/KERNEL-MODEL.md"));
		List<Path> files = new ArrayList<>();
		Library.FILES.forEach(f -> files.add(Specs.root().resolve("specs/lib/" + f)));
		files.add(Specs.root().resolve("specs/seed/paths.ptl"));
		List<String> missing = new ArrayList<>();
		int count = 0;
		for (Path f : files) {
			Matcher m = DECL.matcher(Files.readString(f));
			while (m.find()) {
				count++;
				if (!doc.contains("| `" + m.group(2) + "` |")) {
					missing.add(f.getFileName() + ": " + m.group(2));
				}
			}
		}
		assertTrue(count > 100, "the library has its primitives: " + count);
		assertEquals(List.of(), missing, "primitives without a row in docs/KERNEL-MODEL.md");
	}

	@Test
	void aLibraryNameWithoutItsIncludeSaysWhichFileToInclude() throws IOException {
		Path lib = dir.resolve("lib");
		Files.createDirectories(lib);
		for (String f : Library.FILES) {
			Files.copy(Specs.root().resolve("specs/lib/" + f), lib.resolve(f));
		}
		// includes rcu (for a thread) but uses pgtable's lookup
		Path spec = dir.resolve("s.ptl");
		Files.writeString(spec, """
				spec s;
				include "lib/locks.ptl";
				const N_MMS = 1;
				path p() {
					var ptl: 0..3;
					pte_offset_map_lock(1, 1, &ptl);
				}
				scenario a {
					thread cpu0 = p();
				}
				""");
		LoadedSpec loaded = new SpecLoader().load(spec);
		Issue i = loaded.issues().stream().filter(x -> x.code().equals(IssueCodes.NOT_INCLUDED)).findFirst()
				.orElseThrow(() -> new AssertionError(loaded.issues().toString()));
		assertEquals(Issue.Severity.ERROR, i.severity());
		assertEquals(6, i.line());
		assertTrue(i.message().contains("pgtable.ptl") && i.message().contains("include \"lib/pgtable.ptl\";"),
				i.message());
	}

	@Test
	void aNameDeclaredInTwoIncludedFilesNamesBoth() throws IOException {
		Files.writeString(dir.resolve("a.ptl"), "atomic prim twice() {\n}\n");
		Files.writeString(dir.resolve("b.ptl"), "// b\natomic prim twice() {\n}\n");
		Path spec = dir.resolve("s.ptl");
		Files.writeString(spec, """
				spec s;
				include "a.ptl";
				include "b.ptl";
				path p() {
					twice();
				}
				scenario x {
					thread cpu0 = p();
				}
				""");
		LoadedSpec loaded = new SpecLoader().load(spec);
		Issue i = loaded.issues().stream().filter(x -> x.code().equals(IssueCodes.DUPLICATE_NAME)).findFirst()
				.orElseThrow(() -> new AssertionError(loaded.issues().toString()));
		assertTrue(i.message().contains("a.ptl:1") && i.message().contains("b.ptl:2"), i.message());
	}

	private static Program seed(String scenario) {
		LoadedSpec spec = new SpecLoader().load(Specs.root().resolve("specs/seed/retract_vs_fault.ptl"));
		var s = spec.scenarios().stream().filter(x -> x.getName().equals(scenario)).findFirst().orElseThrow();
		Lowering.Result r = new Lowering().lower(spec.models(), s).get(0);
		assertTrue(r.ok(), r.diagnostics().toString());
		return r.program();
	}

	@Test
	void aConstantSinceAPatchFollowsThePatchLevel() {
		// series.ptl: 'const PTE_MAP_RCU = 1 since p01 else 0;' - pte_offset_map_nolock() enters an RCU read
		// section only with patch 01 applied
		Step with = seed("free_deferred").thread("cpu0").step(2);
		Step without = seed("without_rcu_lookup").thread("cpu0").step(2);
		assertEquals("pte = pte_offset_map_nolock(s, 1, &ptl);", with.label());
		assertEquals(with.label(), without.label());
		assertTrue(with.body().toString().contains("rcu_depth"), with.body().toString());
		assertFalse(without.body().toString().contains("rcu_depth"), without.body().toString());
	}

	@Test
	void aPatchLevelCanLeaveOutEarlierPatches() {
		Program p = seed("free_immediately");
		assertTrue(p.patch().contains("p12") && p.patch().contains("without p08"), p.patch());
		assertFalse(String.valueOf(seed("free_deferred").patch()).contains("without"));
	}

	@Test
	void anIgnoredPropertyKeepsItsReason() {
		Program p = seed("free_deferred");
		assertTrue(p.ignored().containsKey("no_page_use_after_free"), p.ignored().toString());
		assertTrue(p.ignored().get("no_page_use_after_free").contains("page references"),
				p.ignored().get("no_page_use_after_free"));
	}
}
