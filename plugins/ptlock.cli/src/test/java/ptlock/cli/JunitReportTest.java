package ptlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * 'check --junit' and 'matrix --junit' from the command line: valid against the JUnit schema of the Jenkins xunit
 * plugin (shipped as test data of ptlock.ir), a failure per unexpected verdict with its race, written atomically.
 */
class JunitReportTest {
	@TempDir
	Path dir;

	static void validate(Path xml) throws Exception {
		Path xsd = CliRun.root().resolve("plugins/ptlock.ir/src/test/resources/junit/junit-10.xsd");
		SchemaFactory.newDefaultInstance().newSchema(new StreamSource(xsd.toFile())).newValidator()
				.validate(new StreamSource(xml.toFile()));
	}

	static Document parse(Path xml) throws Exception {
		DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
		f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		return f.newDocumentBuilder().parse(xml.toFile());
	}

	@Test
	void aCheckAsExpectedHasOneCasePerPropertyAndNoFailure() throws Exception {
		Path junit = dir.resolve("reports/check.xml");
		CliRun r = CliRun.of("check", CliRun.root().resolve("specs/seed/retract_vs_fault.ptl").toString(), "--quiet",
				"--junit", junit.toString());
		assertEquals(ExitCode.OK, r.code(), r.err());
		validate(junit);
		Element root = parse(junit).getDocumentElement();
		// the same number of verdicts as the summary line counts
		String verdicts = r.out().replaceAll("(?s).*scenario\\(s\\), (\\d+) verdict\\(s\\).*", "$1");
		NodeList cases = root.getElementsByTagName("testcase");
		long skipped = root.getElementsByTagName("skipped").getLength();
		assertEquals(Integer.parseInt(verdicts), cases.getLength() - skipped, r.out());
		assertEquals("0", root.getAttribute("failures"));
		assertEquals("0", root.getAttribute("errors"));
		assertEquals(List.of(), leftovers(junit.getParent()), "no temporary file is left");
	}

	@Test
	void anUnexpectedVerdictIsAFailureCarryingTheRace() throws Exception {
		// free_immediately frees the retracted table at once: the lockless walker of handle_pte_fault() reads it
		// after the free (the race of the seed thread), so no_use_after_free is violated; this copy expects it to hold
		Path f = CliRun.copySpecs(dir).resolve("seed/retract_vs_fault.ptl");
		Files.writeString(f, Files.readString(f).replaceFirst("expect no_use_after_free violated;",
				"expect no_use_after_free holds;"));
		Path junit = dir.resolve("check.xml");
		CliRun r = CliRun.of("check", f.toString(), "--scenario", "free_immediately", "--quiet", "--junit",
				junit.toString());
		assertEquals(ExitCode.UNEXPECTED_VERDICT, r.code(), r.out() + r.err());
		validate(junit);
		NodeList failures = parse(junit).getElementsByTagName("failure");
		assertEquals(1, failures.getLength());
		Element failure = (Element) failures.item(0);
		Element testcase = (Element) failure.getParentNode();
		assertTrue(testcase.getAttribute("name").startsWith("no_use_after_free"), testcase.getAttribute("name"));
		assertTrue(failure.getAttribute("message").contains("expected holds"), failure.getAttribute("message"));
		assertTrue(failure.getTextContent().contains("cpu0: handle_pte_fault(1)")
				&& failure.getTextContent().contains("cpu1: khugepaged(1)"), failure.getTextContent());
	}

	@Test
	void aMatrixHasOneCasePerCellAndFailsWhereTheTableShowsAViolation() throws Exception {
		// docs/MATRIX.md, reasoned before the run: with p09 before the pte_free_defer() patches, retract_page_tables()
		// frees the detached table at once; on x86_64 and arm the rows p09, p05, p06 and p07 are violated (p08 fixes
		// both): 8 failing cells, the same ones the text matrix shows
		Path junit = dir.resolve("matrix.xml");
		CliRun r = CliRun.of("matrix", CliRun.root().resolve("specs/seed/series_matrix.ptl").toString(), "--quiet",
				"--order", "p01,p02,p03,p04,p09,p05,p06,p07,p08,p10,p11,p12", "--archs", "x86_64,arm", "--junit",
				junit.toString(), "--out", dir.resolve("work").toString());
		assertEquals(ExitCode.OK, r.code(), r.err());
		validate(junit);
		Document doc = parse(junit);
		assertEquals(13 * 2, doc.getElementsByTagName("testcase").getLength(), "13 rows x 2 architectures");
		long violatedCells = r.out().lines().filter(l -> l.matches("^(none|p\\d\\d) +\\|.*"))
				.mapToLong(l -> List.of(l.split("\\|")).subList(1, 3).stream().filter(c -> !c.strip().equals("holds"))
						.count())
				.sum();
		assertEquals(8, violatedCells, r.out());
		assertEquals(violatedCells, doc.getElementsByTagName("failure").getLength(), r.out());
		Element first = (Element) doc.getElementsByTagName("failure").item(0);
		assertTrue(((Element) first.getParentNode()).getAttribute("name").matches("after p\\d\\d on (x86_64|arm)"));
		assertTrue(first.getTextContent().contains("cpu1: khugepaged"), first.getTextContent());
	}

	@Test
	void aReportPathThatIsAFolderIsAFileErrorAndTheFolderIsUntouched() throws IOException {
		Path folder = Files.createDirectories(dir.resolve("taken"));
		Files.writeString(folder.resolve("keep.txt"), "mine");
		CliRun r = CliRun.of("check", CliRun.root().resolve("specs/seed/retract_vs_fault.ptl").toString(), "--quiet",
				"--scenario", "free_immediately", "--junit", folder.toString());
		assertEquals(ExitCode.CHECKER_FAILURE, r.code(), r.err());
		assertTrue(r.err().contains(folder + ": is a folder"), r.err());
		assertEquals(List.of(folder.resolve("keep.txt")), leftovers(folder));
		assertEquals(List.of(folder), leftovers(dir), "nothing else written next to it");
	}

	private static List<Path> leftovers(Path folder) throws IOException {
		try (var files = Files.list(folder)) {
			return files.filter(p -> !p.getFileName().toString().endsWith(".xml")).sorted().toList();
		}
	}
}
