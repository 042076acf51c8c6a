package ptlock.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import ptlock.ir.Type;

/** The packed search level and the per-state links (issue 16 item 1): what goes in comes out, in order. */
class PackedStatesTest {
	// 11 slots and 1 flag: 1 + 3 + 2 + 4 + 2 * (6 + 1) + 3 * 21 + 1 = 88 bits, so slots straddle the two words
	private static final List<Type> TYPES = List.of(new Type.Bool(), new Type.Range(-2, 5),
			new Type.Enum("K", List.of("A", "B", "C")), new Type.Set(new Type.Range(0, 3)),
			new Type.Array(new Type.Record("P", List.of(new Type.Field("t", new Type.Range(0, 40)),
					new Type.Field("ok", new Type.Bool()))), 2),
			new Type.Array(new Type.Range(1000, 1000 + (1 << 20)), 3));

	private static int[] random(Random r) {
		return new int[] { r.nextInt(2), r.nextInt(8) - 2, r.nextInt(3), r.nextInt(16), r.nextInt(41), r.nextInt(2),
				r.nextInt(41), r.nextInt(2), 1000 + r.nextInt(1 << 20), 1000 + r.nextInt(1 << 20),
				1000 + r.nextInt(1 << 20), r.nextInt(2) };
	}

	@Test
	void statesComeBackAsTheyWentInAcrossWordBoundaries() {
		StatePacking packing = new StatePacking(TYPES, 12);
		assertEquals(2, packing.words(), "88 bits");
		PackedStates level = new PackedStates(packing, 12);
		Random r = new Random(7);
		int[][] in = new int[5000][];
		for (int i = 0; i < in.length; i++) {
			in[i] = random(r);
			level.add(in[i], 10 * i);
		}
		int[] out = new int[12];
		for (int i = 0; i < in.length; i++) {
			assertArrayEquals(in[i], level.get(i, out), "state " + i);
			assertEquals(10 * i, level.id(i));
		}
	}

	@Test
	void aValueOutsideItsTypeKeepsItsStateWhole() {
		StatePacking packing = new StatePacking(TYPES, 12);
		int[] ok = random(new Random(1));
		int[] bad = ok.clone();
		bad[1] = 6; // outside -2..5: a type error (type_ok), still a state of the search
		assertFalse(packing.pack(bad, new long[2], 0));
		assertTrue(packing.pack(ok, new long[2], 0));
		PackedStates level = new PackedStates(packing, 12);
		level.add(ok, 1);
		level.add(bad, 2);
		level.add(ok, 3);
		PackedStates other = new PackedStates(packing, 12);
		other.add(bad, 4);
		other.add(ok, 5);
		level.addAll(other);
		// the packed states first, in order, then the whole ones, in order
		int[] ids = new int[level.size()];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = level.id(i);
			assertArrayEquals(ids[i] % 2 == 0 ? bad : ok, level.get(i, new int[12]), "id " + ids[i]);
		}
		assertArrayEquals(new int[] { 1, 3, 5, 2, 4 }, ids);
	}

	@Test
	void linksKeepParentThreadStepAndFingerprintPerState() {
		StateLinks links = new StateLinks();
		int n = 200_000; // several pages
		for (int id = 0; id < n; id++) {
			links.set(id, id - 1, id == 0 ? -1 : id % 7, id % 1000, id * 31L);
		}
		assertEquals(-1, links.thread(0));
		assertEquals(-1, links.parent(0));
		for (int id = 1; id < n; id += 997) {
			assertEquals(id - 1, links.parent(id));
			assertEquals(id % 7, links.thread(id));
			assertEquals(id % 1000, links.step(id));
			assertEquals(id * 31L, links.fingerprint(id));
		}
		assertEquals(StateLinks.MAX_STEP, 0xFFFFFF);
	}
}
