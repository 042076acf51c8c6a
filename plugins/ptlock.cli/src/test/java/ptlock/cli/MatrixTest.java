package ptlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ptlock.report.JsonReader;

/**
 * The seed series' verdict matrix, in its order and with patch 09 moved before the pte_free_defer() patches. The
 * expected cells are the ones docs/MATRIX.md reasons out from the kernel.
 */
class MatrixTest {
	private static final String UAF_WRITE_RW = "nuaf,nwtd,nrirm";
	private static final List<String> ARCHS = List.of("x86_64", "arm64", "x86_pae", "arm", "powerpc64", "s390",
			"sparc64");

	@TempDir
	Path dir;

	@SuppressWarnings("unchecked")
	private Map<String, Map<String, String>> matrix(String... extra) throws IOException {
		Path json = dir.resolve("m.json");
		List<String> args = new java.util.ArrayList<>(List.of("matrix",
				CliRun.root().resolve("specs/seed/series_matrix.ptl").toString(), "--quiet", "--json", json.toString(),
				"--out", dir.toString()));
		args.addAll(List.of(extra));
		CliRun r = CliRun.of(args.toArray(String[]::new));
		assertEquals(ExitCode.OK, r.code(), r.out() + r.err());
		Map<String, Object> m = (Map<String, Object>) JsonReader.parse(Files.readString(json));
		Map<String, Map<String, String>> out = new java.util.LinkedHashMap<>();
		for (Object row : (List<Object>) m.get("rows")) {
			Map<String, Object> rm = (Map<String, Object>) row;
			Map<String, String> cells = new java.util.LinkedHashMap<>();
			((Map<String, Object>) rm.get("cells")).forEach((arch, c) -> {
				Map<String, Object> cell = (Map<String, Object>) c;
				List<String> props = ((List<Object>) cell.get("violations")).stream()
						.map(v -> MatrixReport.initials((String) ((Map<String, Object>) v).get("property"))).distinct()
						.toList();
				cells.put(arch, props.isEmpty() ? "holds" : String.join(",", props));
			});
			out.put((String) rm.get("patch"), cells);
		}
		return out;
	}

	private static void row(Map<String, Map<String, String>> m, String patch, String... byArch) {
		for (int i = 0; i < ARCHS.size(); i++) {
			assertEquals(byArch[i], m.get(patch).get(ARCHS.get(i)), "after " + patch + " on " + ARCHS.get(i));
		}
	}

	@Test
	void theSeriesInItsOrder() throws IOException {
		Map<String, Map<String, String>> m = matrix();
		assertEquals(List.of("none", "p01", "p02", "p03", "p04", "p05", "p06", "p07", "p08", "p09", "p10", "p11",
				"p12"), List.copyOf(m.keySet()));
		// before patch 02 a PAE walker can read a torn PMD; retract_page_tables() still needs mmap_lock
		for (String p : List.of("none", "p01")) {
			row(m, p, "holds", "holds", "ntpr", "holds", "holds", "holds", "holds");
		}
		// from patch 02 everything holds: every architecture has its pte_free_defer() before patch 09 drops mmap_lock
		for (String p : List.of("p02", "p03", "p04", "p05", "p06", "p07", "p08", "p09", "p10", "p11", "p12")) {
			row(m, p, "holds", "holds", "holds", "holds", "holds", "holds", "holds");
		}
	}

	@Test
	void patch09BeforeThePteFreeDeferPatches() throws IOException {
		Map<String, Map<String, String>> m = matrix("--order", "p01,p02,p03,p04,p09,p05,p06,p07,p08,p10,p11,p12");
		String x = UAF_WRITE_RW;
		row(m, "p04", "holds", "holds", "holds", "holds", "holds", "holds", "holds");
		// retract_page_tables() without mmap_lock, every table freed with pte_free(): case b everywhere
		row(m, "p09", x, x, x, x, x, x, x);
		// each architecture is fixed by the patch that gives it pte_free_defer()
		row(m, "p05", x, x, x, x, "holds", x, x);
		row(m, "p06", x, x, x, x, "holds", x, "holds");
		row(m, "p07", x, x, x, x, "holds", "holds", "holds");
		row(m, "p08", "holds", "holds", "holds", "holds", "holds", "holds", "holds");
	}

	@Test
	void htmlIsSelfContainedAndLinksCounterexamples() throws IOException {
		Path html = dir.resolve("m.html");
		CliRun r = CliRun.of("matrix", CliRun.root().resolve("specs/seed/series_matrix.ptl").toString(), "--quiet",
				"--order", "p01,p02,p03,p04,p09,p05,p06,p07,p08,p10,p11,p12", "--archs", "x86_64,powerpc64", "--html",
				html.toString(), "--out", dir.toString());
		assertEquals(ExitCode.OK, r.code(), r.err());
		String page = Files.readString(html);
		assertTrue(page.startsWith("<!DOCTYPE html>") && !page.contains("<script src") && !page.contains("<link"));
		assertTrue(page.contains("href=\"#c-p09-x86_64\"") && page.contains("id=\"c-p09-x86_64\""), "cell links");
		assertTrue(page.contains("pte_free(t);"), "the race is on the page");
		// what the patches change, reasoned from the series (DOMAIN.md section 6): p05 gives powerpc64 its
		// fragment-aware pte_free_defer(), p08 the generic one to x86_64; p09 changes khugepaged's retract path
		assertTrue(page.contains("<b>p05</b>: ") && page.contains("powerpc64: page tables freed rcuFragmentAware"), page);
		assertTrue(page.contains("x86_64: page tables freed rcu (pte_free_defer)"), "p08 on x86_64");
		assertTrue(page.matches("(?s).*<b>p09</b>: [^<]*path khugepaged_series.*"), "p09 changes khugepaged");
		assertEquals(ExitCode.USAGE, CliRun.of("matrix", CliRun.root().resolve("specs/seed/series_matrix.ptl").toString(),
				"--order", "p01,p02").code());
	}
}
