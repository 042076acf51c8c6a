package ptlock.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.junit.jupiter.api.Test;

import ptlock.model.imports.PatchworkPageImporter;
import ptlock.model.imports.SeriesStore;
import ptlock.model.series.Architecture;
import ptlock.model.series.EmptyPte;
import ptlock.model.series.Series;
import ptlock.model.series.SeriesPackage;
import ptlock.model.series.TableFreeing;

/**
 * The models shipped in specs/: the architectures whose page tables differ for the seed series, each attribute
 * justified from the kernel source, and the
 * seed series, which must stay what 'ptlock import' makes of the patchwork page.
 */
class ShippedModelsTest {
	static Path root() {
		Path p = Path.of("").toAbsolutePath();
		while (p != null && !Files.isDirectory(p.resolve("specs/arch"))) {
			p = p.getParent();
		}
		return p;
	}

	private static Map<String, Architecture> architectures() throws IOException {
		ResourceSet rs = new ResourceSetImpl();
		rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());
		rs.getPackageRegistry().put(SeriesPackage.eNS_URI, SeriesPackage.eINSTANCE);
		Map<String, Architecture> out = new TreeMap<>();
		try (var files = Files.list(root().resolve("specs/arch"))) {
			for (Path f : files.filter(f -> f.toString().endsWith(".xmi")).toList()) {
				Resource r = rs.getResource(URI.createFileURI(f.toString()), true);
				Architecture a = (Architecture) r.getContents().get(0);
				assertEquals(f.getFileName().toString(), a.getName() + ".xmi", "one architecture per file, named after it");
				out.put(a.getName(), a);
			}
		}
		return out;
	}

	/**
	 * Expected values reasoned per architecture from the kernel (v6.6 and the series' patches; the comments in the
	 * .xmi files cite the sources), not read back from the files.
	 */
	@Test
	void theArchitecturesAsTheKernelHasThem() throws IOException {
		Map<String, Architecture> a = architectures();
		assertEquals(java.util.Set.of("x86_64", "arm64", "x86_pae", "arm", "powerpc64", "s390", "sparc64"), a.keySet());
		// only PAE reads an entry in two halves
		a.forEach((n, x) -> assertEquals(!n.equals("x86_pae"), x.isAtomicEntryReads(), n));
		// only s390's empty PTE is not 0 (_PAGE_INVALID)
		a.forEach((n, x) -> assertEquals(n.equals("s390") ? EmptyPte.NON_ZERO : EmptyPte.ZERO, x.getEmptyPte(), n));
		// fragments: powerpc64 (16 4K fragments in a 64K page, hash MMU) and s390 (2K tables, two per page); sparc64
		// gives each PTE table a page of its own (patch 06 was retitled for that)
		Map<String, Integer> perPage = Map.of("powerpc64", 16, "s390", 2);
		a.forEach((n, x) -> assertEquals(perPage.getOrDefault(n, 1), x.getPteTablesPerPage(), n));
		// only s390's page_table_free() hands a freed fragment out again at once; powerpc never reuses one
		a.forEach((n, x) -> assertEquals(n.equals("s390"), x.isFragmentReuse(), n));
		// MMU_GATHER_RCU_TABLE_FREE: arm64, powerpc, s390 and sparc64 (SMP) select it; x86 only with PARAVIRT (whose
		// bare-metal hook frees at once), 32-bit arm only with SMP && ARM_LPAE
		a.forEach((n, x) -> assertEquals(java.util.Set.of("arm64", "powerpc64", "s390", "sparc64").contains(n),
				x.isRcuTableFree(), n));
		// every one has split PTE locks in the configurations the series targets
		a.forEach((n, x) -> assertTrue(x.isSplitPtlocks(), n));
		// and the patch that gives it pte_free_defer(): fragment-aware where tables share a page
		Map<String, String> defer = Map.of("x86_64", "p08", "arm64", "p08", "x86_pae", "p08", "arm", "p08",
				"powerpc64", "p05", "sparc64", "p06", "s390", "p07");
		a.forEach((n, x) -> {
			assertEquals(defer.get(n), x.getDeferredFreeingFrom(), n);
			assertEquals(x.getPteTablesPerPage() > 1 ? TableFreeing.RCU_FRAGMENT_AWARE : TableFreeing.RCU,
					x.getTableFreeing(), n);
		});
	}

	/** Each attribute an architecture file sets has a comment saying which kernel file or thread justifies it. */
	@Test
	void everyAttributeIsJustified() throws IOException {
		for (Architecture a : architectures().values()) {
			String text = Files.readString(root().resolve("specs/arch/" + a.getName() + ".xmi"));
			// every attribute, also one left at its default: a reviewer reads each file as the whole answer
			for (EAttribute attr : a.eClass().getEAllAttributes()) {
				if (attr.getName().equals("name") || attr.getName().equals("title")) {
					continue;
				}
				if (attr.getName().equals("deferredFreeingFrom") && !a.eIsSet(attr)) {
					continue;
				}
				assertTrue(text.matches("(?s).*<!-- " + attr.getName() + " = " + a.eGet(attr) + ": \\S.*"),
						a.getName() + ": no justification for " + attr.getName());
			}
		}
	}

	/** Drift check: the shipped series model is exactly what importing the seed page gives today. */
	@Test
	void theSeedSeriesModelIsTheImportOfThePage() throws Exception {
		Series imported = new PatchworkPageImporter().read(PatchworkPageImporterTest.seedPage());
		Series shipped = new SeriesStore().load(root().resolve("specs/series/mm-free-retracted-page-table-by-rcu.xmi"));
		assertTrue(EcoreUtil.equals(imported, shipped),
				"specs/series/mm-free-retracted-page-table-by-rcu.xmi is stale: run ./ptlock import "
						+ "specs/series/mm-free-retracted-page-table-by-rcu.txt --out "
						+ "specs/series/mm-free-retracted-page-table-by-rcu.xmi");
		assertEquals("p09", shipped.getPatches().get(8).getName());
	}
}
