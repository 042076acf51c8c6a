package ptlock.ir;

import java.util.List;

/** The bounded types of the state schema. Every type has finitely many values. */
public sealed interface Type {

	/** true / false. */
	record Bool() implements Type {
		@Override
		public String toString() {
			return "bool";
		}
	}

	/** The integers lo..hi (inclusive). Thread ids and table ids are ranges too. */
	record Range(int lo, int hi) implements Type {
		@Override
		public String toString() {
			return lo + ".." + hi;
		}
	}

	/** A small enumeration, such as the lifecycle state of a PTE table. */
	record Enum(String name, List<String> literals) implements Type {
		@Override
		public String toString() {
			return name;
		}
	}

	/** Subsets of a range (for example the set of CPUs an RCU callback still waits for). */
	record Set(Range elem) implements Type {
		@Override
		public String toString() {
			return "set of " + elem;
		}
	}

	/** An array indexed 1..size. */
	record Array(Type elem, int size) implements Type {
		@Override
		public String toString() {
			return elem + "[" + size + "]";
		}
	}

	/** A struct with named fields, such as a PTE pointer (table, generation). */
	record Record(String name, List<Field> fields) implements Type {
		public Field field(String fieldName) {
			for (Field f : fields) {
				if (f.name().equals(fieldName)) {
					return f;
				}
			}
			return null;
		}

		@Override
		public String toString() {
			return name;
		}
	}

	record Field(String name, Type type) {
	}
}
