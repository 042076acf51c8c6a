package ptlock.lang.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import ptlock.lang.ide.navigation.Declarations;
import ptlock.lang.ide.outline.OutlineItems;
import ptlock.lang.load.SpecLoader;

/** Go to definition (into the kernel library, to locals, into the .xmi models) and the outline of a seed spec. */
class NavigationTest {
	private static final SpecLoader LOADER = new SpecLoader();

	private static Path seed(String name) {
		Path p = Path.of("").toAbsolutePath();
		while (!Files.isDirectory(p.resolve("specs/seed"))) {
			p = p.getParent();
		}
		return p.resolve("specs/seed/" + name);
	}

	private static Declarations.Target at(Path file, String text, String before) {
		int offset = text.indexOf(before);
		assertTrue(offset >= 0, before);
		return new Declarations(LOADER).at(file, text, offset + 1).orElseThrow(() -> new AssertionError("no target for " + before));
	}

	@Test
	void aPrimitiveCallGoesToTheLibrary() throws IOException {
		Path mm = seed("paths.ptl");
		String text = Files.readString(mm);
		Declarations.Target t = at(mm, text, "pte_offset_map_nolock(");
		assertEquals("pgtable.ptl", t.file().getFileName().toString());
		assertEquals("lib", t.file().getParent().getFileName().toString());
		String lib = Files.readString(t.file());
		assertEquals("pte_offset_map_nolock", lib.substring(t.offset(), t.offset() + t.length()));
		assertEquals(lib.substring(0, t.offset()).split("\n", -1).length, t.line());
	}

	@Test
	void aLocalGoesToItsDeclarationInThePath() throws IOException {
		Path mm = seed("paths.ptl");
		String text = Files.readString(mm);
		int path = text.indexOf("path handle_pte_fault(");
		int use = text.indexOf("orig", text.indexOf("var orig", path) + 8);
		Declarations.Target t = new Declarations(LOADER).at(mm, text, use + 1).orElseThrow();
		assertEquals(mm, t.file());
		assertEquals(text.indexOf("orig", path), t.offset(), "the 'var orig' of handle_pte_fault");
	}

	@Test
	void anArchitectureGoesToItsModel() throws IOException {
		Path f = seed("pae_torn_pmd.ptl");
		String text = Files.readString(f);
		Declarations.Target t = at(f, text, "x86_pae");
		assertEquals("x86_pae.xmi", t.file().getFileName().toString());
	}

	@Test
	void outlineOfASeedSpec() throws IOException {
		Path mm = seed("retract_vs_fault.ptl");
		List<OutlineItems.Item> items = OutlineItems.of(LOADER.load(mm).main());
		List<OutlineItems.Item> scenarios = items.stream().filter(i -> i.kind().equals("scenario")).toList();
		assertEquals(List.of("at_patch_08", "free_immediately", "free_deferred", "without_rcu_lookup"),
				scenarios.stream().map(OutlineItems.Item::label).toList());
		assertTrue(scenarios.get(1).children().stream().anyMatch(c -> c.kind().equals("thread")
				&& c.label().startsWith("cpu0 = handle_pte_fault")), scenarios.get(1).children().toString());
		String text = Files.readString(mm);
		OutlineItems.Item first = scenarios.get(1);
		assertEquals("free_immediately", text.substring(first.offset(), first.offset() + first.length()));
	}
}
