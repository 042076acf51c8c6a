package ptlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
		Map<String, Object> m = (Map<String, Object>) new Gson().fromJson(Files.readString(json), Map.class);
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
		// until p09 retract_page_tables() needs mmap_lock for write, which every fault holds for read; by p09 every
		// architecture has its pte_free_defer(), and from p09 on collapse_file()'s page lock orders the retract
		// against make_coherent() and every PMD clear takes the ptl assert_pte_locked() runs under
		for (String p : m.keySet()) {
			row(m, p, "holds", "holds", "holds", "holds", "holds", "holds", "holds");
		}
	}

	@Test
	void patch09BeforeThePteFreeDeferPatches() throws IOException {
		Map<String, Map<String, String>> m = matrix("--order", "p01,p02,p03,p04,p09,p05,p06,p07,p08,p10,p11,p12");
		String x = UAF_WRITE_RW;
		row(m, "p04", "holds", "holds", "holds", "holds", "holds", "holds", "holds");
		// retract_page_tables() without mmap_lock, every table freed with pte_free(): case b where a freed table is
		// handed out again; powerpc64 never hands out a freed fragment while its page lives, so only the read of a
		// freed fragment (fragments.ptl, g_freed_at_once_powerpc)
		row(m, "p09", x, x, x, x, "nuaf", x, x);
		// each architecture is fixed by the patch that gives it pte_free_defer()
		row(m, "p05", x, x, x, x, "holds", x, x);
		row(m, "p06", x, x, x, x, "holds", x, "holds");
		row(m, "p07", x, x, x, x, "holds", "holds", "holds");
		for (String p : List.of("p08", "p10", "p11", "p12")) {
			row(m, p, "holds", "holds", "holds", "holds", "holds", "holds", "holds");
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void armAndPowerpcScenariosHoldExceptTheFreedFragmentRead() throws IOException {
		Path json = dir.resolve("s.json");
		CliRun r = CliRun.of("matrix", CliRun.root().resolve("specs/seed/series_matrix.ptl").toString(), "--quiet",
				"--archs", "arm,powerpc64", "--order", "p01,p02,p03,p04,p09,p05,p06,p07,p08,p10,p11,p12", "--json",
				json.toString(), "--out", dir.toString());
		assertEquals(ExitCode.OK, r.code(), r.err());
		List<String> found = new java.util.ArrayList<>();
		Map<String, Object> doc = (Map<String, Object>) new Gson().fromJson(Files.readString(json), Map.class);
		for (Object row : (List<Object>) doc.get("rows")) {
			Map<String, Object> rm = (Map<String, Object>) row;
			((Map<String, Object>) rm.get("cells")).forEach((arch, c) -> {
				for (Object v : (List<Object>) ((Map<String, Object>) c).get("violations")) {
					Map<String, Object> vm = (Map<String, Object>) v;
					if (!"retract_race".equals(vm.get("scenario"))) {
						found.add(rm.get("patch") + "@" + arch + ":" + vm.get("scenario") + ":" + vm.get("property"));
					}
				}
			});
		}
		// arm_coherent: the page lock orders collapse_file() against make_coherent() at every level; powerpc_assert:
		// no BUG_ON() at any level, only the freed fragment's read after p09 and before p05 (its fault reads it too)
		assertEquals(List.of("p09@powerpc64:powerpc_assert:no_use_after_free"), found);
	}

	@Test
	void everyPatchThatChangesLockingOrFreeingIsListed() {
		CliRun r = CliRun.of("matrix", CliRun.root().resolve("specs/seed/series_matrix.ptl").toString(), "--quiet",
				"--archs", "x86_64", "--out", dir.toString());
		assertEquals(ExitCode.OK, r.code(), r.err());
		String changes = r.out().substring(r.out().indexOf("what each patch changes"));
		// p01 the RCU section of pte_offset_map(), p02 PAE's interrupts-off read, p03 arm's adjust_pte(), p04
		// powerpc's assert_pte_locked(), p05-p08 the freeing of the retracted table, p09 the retract without
		// mmap_lock, p10 collapse_pte_mapped_thp() under mmap_read_lock(), p11 khugepaged's loop; p12 only deletes
		// helpers that nothing calls any more
		for (String[] c : new String[][] { { "p01", "PTE_MAP_RCU" }, { "p02", "PAE_PMD_IRQS_OFF" },
				{ "p03", "path adjust_pte" }, { "p04", "path assert_pte_locked" }, { "p05", "prim free_retracted" },
				{ "p06", "prim free_retracted" }, { "p07", "prim free_retracted" }, { "p08", "prim free_retracted" },
				{ "p09", "path retract_page_tables" }, { "p10", "path collapse_pte_mapped_thp" },
				{ "p11", "path khugepaged" } }) {
			assertTrue(changes.matches("(?s).*\\n  " + c[0] + ": [^\\n]*" + java.util.regex.Pattern.quote(c[1]) + ".*"),
					c[0] + " lists " + c[1] + ":\n" + changes);
		}
		assertTrue(changes.contains("\n  p12: -"), changes);
		// a patch that changes only paths no scenario runs on x86_64 (p03 arm, p04 powerpc, p05-p07 other
		// architectures' freeing) lowers each scenario as the row before: its cell is not checked again
		java.util.regex.Matcher n = java.util.regex.Pattern.compile("(\\d+) cells, (\\d+) distinct models checked")
				.matcher(r.out());
		assertTrue(n.find(), r.out());
		assertEquals(13, Integer.parseInt(n.group(1)));
		assertTrue(Integer.parseInt(n.group(2)) <= 13 - 5, r.out());
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
		assertTrue(page.contains("cpu1: khugepaged(1)") && page.contains("retract_page_tables(s = 1)")
				&& page.contains("pml = pmd_lock(s);"), "the race is on the page, inlined steps under their call");
		// a cell's race says which cell it is (its model may be shared with other cells)
		assertTrue(page.contains("scenario retract_race after p09 on x86_64\n"), "the race names its patch and arch");
		// what the patches change, from the series: p05 gives powerpc64 its
		// fragment-aware pte_free_defer(), p08 the generic one to x86_64; p09 changes khugepaged's retract path
		assertTrue(page.contains("<b>p05</b>: ") && page.contains("powerpc64: page tables freed rcuFragmentAware"), page);
		assertTrue(page.contains("x86_64: page tables freed rcu (pte_free_defer)"), "p08 on x86_64");
		assertTrue(page.matches("(?s).*<b>p09</b>: [^<]*path retract_page_tables.*"), "p09 changes the retract");
		assertEquals(ExitCode.USAGE, CliRun.of("matrix", CliRun.root().resolve("specs/seed/series_matrix.ptl").toString(),
				"--order", "p01,p02").code());
	}
}
