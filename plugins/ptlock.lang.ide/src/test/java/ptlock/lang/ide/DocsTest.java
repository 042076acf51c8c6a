package ptlock.lang.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import ptlock.lang.ide.hover.Docs;
import ptlock.lang.load.SpecLoader;

/** Hovers: a primitive used in a spec is found in the library file it includes, with its signature and comment. */
class DocsTest {
	private static Path seed() {
		Path p = Path.of("").toAbsolutePath();
		while (!Files.isDirectory(p.resolve("specs"))) {
			p = p.getParent();
		}
		return p.resolve("specs/seed/paths.ptl");
	}

	@Test
	void primitiveFromTheLibrary() throws IOException {
		String text = Files.readString(seed());
		int at = text.indexOf("spin_lock(ptl)") + 3;
		Docs.Doc d = new Docs(new SpecLoader(new PtlockIdeSetup().createInjectorAndDoEMFRegistration()))
				.at(seed(), text, at).orElseThrow();
		assertEquals("spin_lock", d.name());
		assertEquals("atomic prim spin_lock(l)", d.signature());
		assertTrue(d.comment().startsWith("include/linux/spinlock.h spin_lock() (v6.6): waits while another CPU"),
				d.comment());
		assertTrue(d.comment().endsWith("static rules: @acquires(l)"), d.comment());
		assertEquals("locks.ptl", d.file());
		assertTrue(d.text().contains("(prim, locks.ptl:"), d.text());
	}

	@Test
	void pathOfTheSameFileAndNothingForPunctuation() throws IOException {
		String text = Files.readString(seed());
		Docs docs = new Docs(new SpecLoader(new PtlockIdeSetup().createInjectorAndDoEMFRegistration()));
		int call = text.indexOf("free_retracted(pmd_pgtable") + 2;
		assertEquals("atomic prim free_retracted(t)", docs.at(seed(), text, call).orElseThrow().signature());
		assertTrue(docs.at(seed(), text, text.indexOf("{")).isEmpty());
		assertEquals("", Docs.wordAt("a + b", 2));
	}

	@Test
	void architecturesAndPatchesFromTheModels() throws IOException {
		Path spec = seed().resolveSibling("pae_torn_pmd.ptl");
		String text = Files.readString(spec);
		Docs docs = new Docs(new SpecLoader(new PtlockIdeSetup().createInjectorAndDoEMFRegistration()));
		Docs.Doc pae = docs.at(spec, text, text.indexOf("on x86_pae") + 4).orElseThrow();
		assertEquals("architecture", pae.kind());
		assertTrue(pae.comment().contains("atomic entry reads: false"), pae.comment());
		assertEquals("x86_pae.xmi", pae.file());
		Path mm = seed();
		String mmText = Files.readString(mm);
		Docs.Doc p09 = docs.at(mm, mmText, mmText.indexOf("since p09") + 7).orElseThrow();
		assertEquals("[PATCH 9/12] mm/khugepaged: retract_page_tables() without mmap or vma lock", p09.signature());
	}
}
