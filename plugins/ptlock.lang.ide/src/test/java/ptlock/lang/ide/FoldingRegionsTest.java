package ptlock.lang.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import ptlock.lang.ide.folding.FoldingRegions;

/** Multi-line blocks and comments fold; one-line ones and braces in comments do not. */
class FoldingRegionsTest {
	@Test
	void blocksAndCommentsSpanningLines() {
		String text = "spec s;\n/* a\n   b */\npath p() {\n\tif (true) {\n\t\tx = 1;\n\t}\n\ty = 2; // { not a block\n}\n"
				+ "prim q() { }\n";
		List<FoldingRegions.Region> r = new FoldingRegions().of(text);
		List<String> folded = r.stream().map(x -> text.substring(x.offset(), x.offset() + x.length())).toList();
		assertEquals(List.of("/* a\n   b */\n",
				"path p() {\n\tif (true) {\n\t\tx = 1;\n\t}\n\ty = 2; // { not a block\n}\n",
				"\tif (true) {\n\t\tx = 1;\n\t}\n"), folded);
	}
}
