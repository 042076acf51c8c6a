package ptlock.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import ptlock.ir.Type;

class SimPartsTest {
	@Test
	void fingerprintSetNumbersStatesInDiscoveryOrder() {
		FingerprintSet s = new FingerprintSet();
		for (int i = 0; i < 10_000; i++) {
			assertEquals(i, s.add(FingerprintSet.fingerprint(new int[] { i, i * 7 })));
			assertTrue(s.isNew());
		}
		assertEquals(42, s.add(FingerprintSet.fingerprint(new int[] { 42, 294 })));
		assertFalse(s.isNew());
		assertEquals(10_000, s.size());
	}

	@Test
	void fingerprintsDependOnOrder() {
		assertNotEquals(FingerprintSet.fingerprint(new int[] { 1, 2 }), FingerprintSet.fingerprint(new int[] { 2, 1 }));
	}

	@Test
	void valuesRenderAsTlcPrintsThem() {
		Type.Record ptr = new Type.Record("P", List.of(new Type.Field("table", new Type.Range(0, 2)),
				new Type.Field("ok", new Type.Bool())));
		Type t = new Type.Array(ptr, 2);
		int[] s = { 1, 1, 2, 0 };
		assertEquals("<<[table |-> 1, ok |-> TRUE], [table |-> 2, ok |-> FALSE]>>", Values.render(t, s, 0));
		assertEquals("{1, 3}", Values.render(new Type.Set(new Type.Range(0, 3)), new int[] { 0b1010 }, 0));
		assertEquals("\"RO\"", Values.render(new Type.Enum("Pte", List.of("None", "RO")), new int[] { 1 }, 0));
	}

	@Test
	void valueTextIgnoresFieldOrderAndLineBreaks() {
		assertEquals(ValueText.normalize("[gen |-> 1,\n   slot |-> 1, table |-> 1]"),
				ValueText.normalize("[slot |-> 1, table |-> 1, gen |-> 1]"));
		assertEquals("<<{}, {1, 2}>>", ValueText.normalize("<< {}, {1, 2} >>"));
		assertNotEquals(ValueText.normalize("[a |-> 1]"), ValueText.normalize("[a |-> 2]"));
	}

	@Test
	void typeCheckFollowsDeclaredRanges() {
		assertTrue(StepExecutor.fits(new Type.Range(0, 2), new int[] { 2 }, 0));
		assertFalse(StepExecutor.fits(new Type.Range(0, 2), new int[] { 3 }, 0));
		assertFalse(StepExecutor.fits(new Type.Set(new Type.Range(1, 2)), new int[] { 0b1000 }, 0));
	}
}
