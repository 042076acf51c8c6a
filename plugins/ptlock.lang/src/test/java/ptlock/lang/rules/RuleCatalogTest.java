package ptlock.lang.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import ptlock.report.sarif.SarifRule;

/** The catalogue has exactly the rules the table under "Static rules" in docs/LANGUAGE.md lists. */
class RuleCatalogTest {
	private static final Pattern CODE = Pattern.compile("^\\|\\s*`(ptlock\\.[a-z-]+)`\\s*\\|");

	/** The repository root (the build may pass it; from the module folder, the nearest parent with docs/). */
	private static Path root() {
		String p = System.getProperty("ptlock.root");
		Path root = p != null ? Path.of(p) : Path.of("").toAbsolutePath();
		while (root != null && !Files.isRegularFile(root.resolve("docs/LANGUAGE.md"))) {
			root = root.getParent();
		}
		if (root == null) {
			throw new IllegalStateException("cannot find the repository root (no docs/LANGUAGE.md)");
		}
		return root;
	}

	/** The codes of the table in the section "## Static rules", in its order. */
	private static List<String> documented() throws IOException {
		List<String> codes = new ArrayList<>();
		boolean inSection = false;
		for (String line : Files.readAllLines(root().resolve("docs/LANGUAGE.md"))) {
			if (line.startsWith("## ")) {
				inSection = line.strip().equals("## Static rules");
			} else if (inSection) {
				Matcher m = CODE.matcher(line);
				if (m.find()) {
					codes.add(m.group(1));
				}
			}
		}
		return codes;
	}

	@Test
	void theCatalogueListsWhatTheDocumentationLists() throws IOException {
		List<String> documented = documented();
		assertFalse(documented.isEmpty(), "no table of codes under '## Static rules' in docs/LANGUAGE.md");
		assertEquals(documented, RuleCatalog.all().stream().map(RuleCatalog.Rule::code).toList());
	}

	@Test
	void theDocumentationHasTheAnchorTheHelpLinksTo() throws IOException {
		String anchor = RuleCatalog.DOCS.substring(RuleCatalog.DOCS.indexOf('#') + 1);
		assertEquals("static-rules", anchor);
		assertTrue(Files.readString(root().resolve("docs/LANGUAGE.md")).contains("\n## Static rules\n"));
	}

	@Test
	void everyRuleHasOneLineAndHelp() {
		for (RuleCatalog.Rule r : RuleCatalog.all()) {
			assertFalse(r.description().contains("\n"), r.code());
			assertFalse(r.description().isBlank(), r.code());
			assertFalse(r.help().isBlank(), r.code());
		}
	}

	@Test
	void sarifRulesLinkIntoTheDocumentation() {
		List<SarifRule> rules = RuleCatalog.sarifRules("https://example.org/ptlock/blob/main");
		assertEquals(RuleCatalog.all().size(), rules.size());
		SarifRule nolock = rules.stream().filter(r -> r.id().equals("ptlock.unchecked-nolock-write")).findFirst()
				.orElseThrow();
		assertEquals("unchecked-nolock-write", nolock.name());
		assertTrue(nolock.help().startsWith("Jann Horn's rule"));
		assertEquals("https://example.org/ptlock/blob/main/docs/LANGUAGE.md#static-rules", nolock.helpUri());
		assertNull(RuleCatalog.sarifRules().get(0).helpUri());
		assertThrows(IllegalArgumentException.class, () -> RuleCatalog.sarifRules("docs/"));
	}
}
