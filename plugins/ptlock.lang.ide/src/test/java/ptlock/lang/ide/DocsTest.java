package ptlock.lang.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import ptlock.lang.ide.hover.Docs;
import ptlock.lang.load.SpecLoader;

/** Hovers: a primitive used in a spec is found in the prelude it includes, with its signature and comment. */
class DocsTest {
	private static Path seed() {
		Path p = Path.of("").toAbsolutePath();
		while (!Files.isDirectory(p.resolve("specs"))) {
			p = p.getParent();
		}
		return p.resolve("specs/seed/mm.ptl");
	}

	@Test
	void primitiveFromThePrelude() throws IOException {
		String text = Files.readString(seed());
		int at = text.indexOf("spin_lock(ptl)") + 3;
		Docs.Doc d = new Docs(new SpecLoader(new PtlockIdeSetup().createInjectorAndDoEMFRegistration()))
				.at(seed(), text, at).orElseThrow();
		assertEquals("spin_lock", d.name());
		assertEquals("atomic prim spin_lock(l)", d.signature());
		assertTrue(d.comment().startsWith("spin_lock(): waits while another CPU"), d.comment());
		assertTrue(d.comment().endsWith("static rules: @acquires(l)"), d.comment());
		assertEquals("prelude.ptl", d.file());
		assertTrue(d.text().contains("(prim, prelude.ptl:"), d.text());
	}

	@Test
	void pathOfTheSameFileAndNothingForPunctuation() throws IOException {
		String text = Files.readString(seed());
		Docs docs = new Docs(new SpecLoader(new PtlockIdeSetup().createInjectorAndDoEMFRegistration()));
		int call = text.indexOf("free_retracted(pgt)") + 2;
		assertEquals("prim free_retracted(t)", docs.at(seed(), text, call).orElseThrow().signature());
		assertTrue(docs.at(seed(), text, text.indexOf("{")).isEmpty());
		assertEquals("", Docs.wordAt("a + b", 2));
	}
}
